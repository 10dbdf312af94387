/**
 * Where a user's GovDesk data lives when nothing overrides it. Electron's
 * `userData` for an app named "GovDesk" resolves to the same folder, so the
 * desktop app, the CLI and `serve` share one data directory by default.
 * Pure (no Node imports): the caller passes platform, environment and home.
 */
export const APP_DIR_NAME = "GovDesk";

export interface DataDirInputs {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
  /** Explicit `--data-dir` flag, which wins over everything. */
  flag?: string | undefined;
}

export function resolveDataDir({ platform, env, home, flag }: DataDirInputs): { dir: string; source: "flag" | "env" | "default" } {
  if (flag && flag.trim()) return { dir: flag, source: "flag" };
  const fromEnv = env["GOVDESK_DATA_DIR"];
  if (fromEnv && fromEnv.trim()) return { dir: fromEnv, source: "env" };
  return { dir: defaultDataDir(platform, env, home), source: "default" };
}

export function defaultDataDir(platform: string, env: Record<string, string | undefined>, home: string): string {
  if (platform === "win32") {
    const appData = env["APPDATA"] || `${home}\\AppData\\Roaming`;
    return `${appData}\\${APP_DIR_NAME}`;
  }
  if (platform === "darwin") return `${home}/Library/Application Support/${APP_DIR_NAME}`;
  const config = env["XDG_CONFIG_HOME"] || `${home}/.config`;
  return `${config}/${APP_DIR_NAME}`;
}
