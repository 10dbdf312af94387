import { isIP } from "node:net";
import type { Policy } from "../../common/contracts/policy";
import type { CoreServices } from "../services";
import { installHooks, setDecider, tcpTarget, type Attempt } from "./offline/hooks";
import { hostRefusal, isLoopback, normaliseHost } from "./policy/rules";
import { NO_POLICY } from "./policy/load-policy";

export { BlockedError, type Attempt } from "./offline/hooks";
export { tcpTarget };

/**
 * The Node side of the offline guarantee (DESIGN.md, security stance):
 * every outgoing connection of this process goes to loopback or to an
 * intranet host a live core's policy allows; anything else is refused and
 * reported. The hooks are process-wide, so the rules are the union of the
 * cores open in this process (one in the app; several in some tests).
 */
export interface GuardRule {
  policy: Policy;
  onBlocked: (attempt: Attempt, reason: string) => void;
}

export interface RecordedAttempt extends Attempt {
  blocked: boolean;
}

const rules = new Set<GuardRule>();
const recorders = new Set<RecordedAttempt[]>();
let enforcing = false;

function refusal(a: Attempt): string | null {
  if (a.protocol === "ipc") return null;
  const host = normaliseHost(a.host);
  if (isLoopback(host)) return null;
  // Looking up an IP literal or 0.0.0.0 asks nobody.
  if (a.protocol === "dns" && (isIP(host) || host === "0.0.0.0")) return null;
  let why: string | null = hostRefusal(NO_POLICY, host, a.port);
  for (const r of rules) {
    why = hostRefusal(r.policy, host, a.protocol === "dns" ? undefined : a.port);
    if (!why) return null;
  }
  return why;
}

function decide(a: Attempt): string | null {
  const why = enforcing ? refusal(a) : null;
  for (const rec of recorders) rec.push({ ...a, blocked: why !== null });
  if (why) for (const r of rules) r.onBlocked(a, why);
  return why;
}

/** Turns the guard on for this process (idempotent) with one core's policy; returns the unregister. */
export function installOfflineGuard(rule: GuardRule): () => void {
  installHooks();
  setDecider(decide);
  enforcing = true;
  rules.add(rule);
  return () => void rules.delete(rule);
}

/**
 * Records every connection attempt of this process (allowed or not) until
 * `stop()`. Works with or without the guard enforcing.
 */
export function recordConnections(): { attempts: RecordedAttempt[]; stop: () => void } {
  installHooks();
  setDecider(decide);
  const attempts: RecordedAttempt[] = [];
  recorders.add(attempts);
  return { attempts, stop: () => void recorders.delete(attempts) };
}

/** Attempts that left the machine (not loopback, not a local socket path). */
export function outsideLoopback(attempts: readonly Attempt[]): Attempt[] {
  return attempts.filter((a) => a.protocol !== "ipc" && !isLoopback(a.host) && !(a.protocol === "dns" && isIP(normaliseHost(a.host))));
}

/** The hosts a policy lets this process reach: remote.allowedHosts, and the audit log's syslog collector. */
export function reachablePolicy(policy: Policy): Policy {
  const syslog = policy.audit.syslog;
  return syslog ? { ...policy, remote: { ...policy.remote, allowedHosts: [...policy.remote.allowedHosts, syslog] } } : policy;
}

/** The guard for one core: its policy's hosts, refusals logged and audited. */
export function guardCore(s: CoreServices, policy: Policy, audit: (a: Attempt, reason: string) => void): () => void {
  return installOfflineGuard({
    policy: reachablePolicy(policy),
    onBlocked: (a, reason) => {
      s.log(`offline-guard: blocked ${a.protocol} ${a.host}${a.port ? `:${a.port}` : ""}: ${reason}`);
      audit(a, reason);
    },
  });
}
