import type { DesktopPolicy } from "../common/host-contract";

export interface CorePolicyWait {
  /** The core's answer to policy.desktop (common/host-contract.ts). */
  report(policy: DesktopPolicy): void;
  /** The first report, or "no DevTools" when none came in time. */
  readonly ready: Promise<DesktopPolicy>;
}

/**
 * What main needs from the admin policy before it opens the window, as the
 * core read it (policy.desktop). The first report decides for the session:
 * a window's DevTools cannot be switched on later, and a restarted core
 * reading a changed policy must not switch them on either.
 */
export function waitForCorePolicy(options: { timeoutMs?: number; log?: (line: string) => void } = {}): CorePolicyWait {
  let settle: (p: DesktopPolicy) => void = () => {};
  let settled = false;
  const ready = new Promise<DesktopPolicy>((resolve) => {
    settle = (p) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(p);
    };
  });
  const timer = setTimeout(() => {
    options.log?.("policy: the core did not report the policy in time; opening the window without DevTools");
    settle({ devtools: false });
  }, options.timeoutMs ?? 15_000);
  return {
    report(policy) {
      settle({ devtools: policy.devtools === true });
    },
    ready,
  };
}
