import type { Settings } from "../../common/settings";
import { RpcError } from "../../common/rpc/wire";
import type { Policy } from "../../common/contracts/security";
import type { CoreServices } from "../services";
import type { AuditEvent } from "./audit/audit-log";
import { DEFAULT_LOCK_REASON, effectiveSettings, lockedKeysIn } from "./policy/effective";
import { exportRefusal, fileSizeRefusal, modelRefusal, pageCountRefusal, urlRefusal } from "./policy/rules";
import { redact } from "./redact/redact";

/**
 * The security layer as other core modules use it: one-line checks over the
 * policy and audit services that createCore hands every feature
 * (CoreServices.policy, CoreServices.audit).
 */
type WithPolicy = Pick<CoreServices, "policy">;

/** The policy in force; throws the lock-down error when the policy file is invalid. */
export function requirePolicy(s: WithPolicy): Policy {
  return s.policy.require();
}

/** One-line hook for other modules: `audit(s, { type: "search", object: query })`. */
export function audit(s: Pick<CoreServices, "audit">, event: AuditEvent): void {
  s.audit.record(event);
}

/** Refuses (RpcError) a model whose sha256 the policy does not allow. */
export function assertModelAllowed(s: WithPolicy, sha256: string): void {
  const why = modelRefusal(requirePolicy(s), sha256);
  if (why) throw new RpcError("UNAVAILABLE", why);
}

/** Refuses a remote provider URL whose host the policy does not list. */
export function assertUrlAllowed(s: WithPolicy, url: string): void {
  const why = urlRefusal(requirePolicy(s), url);
  if (why) throw new RpcError("UNAVAILABLE", why);
}

export function assertExportAllowed(s: WithPolicy): void {
  const why = exportRefusal(requirePolicy(s));
  if (why) throw new RpcError("UNAVAILABLE", why);
}

/** The settings in force (core.ts `settings.get`): locked keys replaced by the policy's values. */
export function policySettings(s: WithPolicy, settings: Settings): Settings {
  const load = s.policy.load;
  return load.ok ? effectiveSettings(settings, load.policy) : settings;
}

/** Refuses (core.ts `settings.set`) a patch that touches a locked setting, naming it and the reason. */
export function assertSettingsPatchAllowed(s: WithPolicy, patch: Partial<Settings>): void {
  const policy = requirePolicy(s);
  const locked = lockedKeysIn(patch, policy);
  if (locked.length) throw new RpcError("INVALID_INPUT", `设置项 ${locked.join("、")} 已被管理员锁定：${policy.lockReason ?? DEFAULT_LOCK_REASON}`);
}

/** Why a file may not be ingested under the policy's limits (Chinese, for that file's error), or null. */
export function fileLimitRefusal(s: WithPolicy, file: { bytes?: number; pages?: number }): string | null {
  const policy = requirePolicy(s);
  return (file.bytes !== undefined ? fileSizeRefusal(policy, file.bytes) : null) ?? (file.pages !== undefined ? pageCountRefusal(policy, file.pages) : null);
}

/** Text about to be exported: masked when the policy's exports.redact is on. */
export function redactForExport(s: WithPolicy, text: string): string {
  return requirePolicy(s).exports.redact ? redact(text) : text;
}

/** Text about to be sent to an intranet model server: masked when remote.redact is on. */
export function redactForRemote(s: WithPolicy, text: string): string {
  return requirePolicy(s).remote.redact ? redact(text) : text;
}

/** The admin policy's file limits for ingestion, never looser than the built-in ones. */
export function policyExtractLimits(s: WithPolicy, builtIn: { maxFileBytes: number; maxPages: number }): { maxFileBytes: number; maxPages: number } {
  const { maxFileSizeMb, maxPages } = requirePolicy(s).limits;
  return {
    maxFileBytes: maxFileSizeMb !== undefined ? Math.min(builtIn.maxFileBytes, Math.floor(maxFileSizeMb * 1024 * 1024)) : builtIn.maxFileBytes,
    maxPages: maxPages !== undefined ? Math.min(builtIn.maxPages, maxPages) : builtIn.maxPages,
  };
}
