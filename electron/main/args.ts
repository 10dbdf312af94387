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

/**
 * The core's environment. An installed (packaged) app takes its admin policy
 * from the system location and Group Policy only: GOVDESK_POLICY, which
 * points the core at another policy file for tests, would let any user
 * replace IT's policy (and turn DevTools on), so it is not passed on.
 */
export function coreEnv(env: Record<string, string | undefined>, packaged: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !(packaged && k === "GOVDESK_POLICY")) out[k] = v;
  return out;
}
