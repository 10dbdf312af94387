import { posix, win32 } from "node:path";

export interface PolicyPathEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

/** Where IT puts the machine-wide policy on each platform (docs/deploy.md). */
export function defaultPolicyPath({ platform, env }: PolicyPathEnv): string {
  if (platform === "win32") return win32.join(env["ProgramData"] ?? env["PROGRAMDATA"] ?? "C:\\ProgramData", "GovDesk", "policy.json");
  if (platform === "darwin") return posix.join("/Library/Application Support/GovDesk", "policy.json");
  return "/etc/govdesk/policy.json";
}

/**
 * The policy file to read: an explicit path (CLI `--policy`), else
 * GOVDESK_POLICY, else the platform's default. `explicit` tells the loader
 * that a missing file is an error, not "no policy".
 */
export function resolvePolicyPath(override?: string, where: PolicyPathEnv = { platform: process.platform, env: process.env }): { path: string; explicit: boolean } {
  if (override) return { path: override, explicit: true };
  const fromEnv = where.env["GOVDESK_POLICY"];
  if (fromEnv) return { path: fromEnv, explicit: true };
  return { path: defaultPolicyPath(where), explicit: false };
}
