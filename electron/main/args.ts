/**
 * Command-line and environment switches main understands. Pure: the caller
 * passes process.argv / process.env.
 */

/** `--data-dir <dir>` or `--data-dir=<dir>`; the first one wins. */
export function parseDataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--data-dir") {
      const value = argv[i + 1];
      return value !== undefined && !value.startsWith("--") && value.trim() ? value : undefined;
    }
    if (arg.startsWith("--data-dir=")) {
      const value = arg.slice("--data-dir=".length);
      return value.trim() ? value : undefined;
    }
  }
  return undefined;
}

/** DevTools and the default menu only when GOVDESK_DEVTOOLS=1 (developers, never the installer default). */
export function devtoolsEnabled(env: Record<string, string | undefined>): boolean {
  return env["GOVDESK_DEVTOOLS"] === "1";
}
