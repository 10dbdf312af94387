import type { Settings } from "../../common/settings";
import { RpcError } from "../../common/rpc/wire";
import type { Policy } from "../../common/contracts/policy";
import type { RedactionKind } from "../../common/contracts/security";
import type { CoreServices } from "../services";
import type { AuditEvent } from "./audit/audit-log";
import { DEFAULT_LOCK_REASON, effectiveSettings, lockedKeysIn } from "./policy/effective";
import { exportRefusal, fileSizeRefusal, modelRefusal, pageCountRefusal, remoteModelRefusal } from "./policy/rules";
import { DEFAULT_KINDS, HEURISTIC_KINDS, redact } from "./redact/redact";

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

/** DevTools in the desktop window: only when the policy turns them on (an invalid policy never does). */
export function devtoolsAllowed(s: WithPolicy): boolean {
  const load = s.policy.load;
  return load.ok && load.policy.developer.devtools;
}

/** Refuses (RpcError) a model whose sha256 the policy does not allow. */
export function assertModelAllowed(s: WithPolicy, sha256: string): void {
  const why = modelRefusal(requirePolicy(s), sha256);
  if (why) throw new RpcError("UNAVAILABLE", why);
}

/** Refuses an intranet model server URL whose host the policy does not list (loopback included). */
export function assertRemoteModelAllowed(s: WithPolicy, url: string): void {
  const why = remoteModelRefusal(requirePolicy(s), url);
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
export function assertSettingsPatchAllowed(s: Pick<CoreServices, "policy" | "settings">, patch: Partial<Settings>): void {
  const policy = requirePolicy(s);
  const locked = lockedKeysIn(patch, policy);
  if (locked.length) throw new RpcError("INVALID_INPUT", `设置项 ${locked.join("、")} 已被管理员锁定：${policy.lockReason ?? DEFAULT_LOCK_REASON}`);
  // Model hosts come from the policy only: a new address it does not list is not even stored
  // (an unchanged one is sent back by every settings form; its use is refused in the model service).
  const url = patch.remoteModelUrl;
  if (url !== undefined && url !== s.settings.get().remoteModelUrl && !Object.hasOwn(policy.lockedSettings, "remoteModelUrl")) {
    const why = remoteModelRefusal(policy, url);
    if (why) throw new RpcError("INVALID_INPUT", why);
  }
}

/** Why a file may not be ingested under the policy's limits (Chinese, for that file's error), or null. */
export function fileLimitRefusal(s: WithPolicy, file: { bytes?: number; pages?: number }): string | null {
  const policy = requirePolicy(s);
  return (file.bytes !== undefined ? fileSizeRefusal(policy, file.bytes) : null) ?? (file.pages !== undefined ? pageCountRefusal(policy, file.pages) : null);
}

/** The kinds policy redaction masks: the checked numbers, and names and addresses when redaction.heuristic is on. */
function policyKinds(policy: Policy): readonly RedactionKind[] {
  return policy.redaction.heuristic ? [...DEFAULT_KINDS, ...HEURISTIC_KINDS] : DEFAULT_KINDS;
}

/** Text about to be exported: masked when the policy's exports.redact is on. */
export function redactForExport(s: WithPolicy, text: string): string {
  const policy = requirePolicy(s);
  return policy.exports.redact ? redact(text, policyKinds(policy)) : text;
}

/** Text about to be sent to an intranet model server: masked when remote.redact is on. */
export function redactForRemote(s: WithPolicy, text: string): string {
  const policy = requirePolicy(s);
  return policy.remote.redact ? redact(text, policyKinds(policy)) : text;
}

/** IT's heap cap for extraction threads, MB (limits.maxParserMemoryMb), or undefined for the built-in one (EXTRACT_HEAP_MB). */
export function policyHeapMb(s: WithPolicy): number | undefined {
  return requirePolicy(s).limits.maxParserMemoryMb;
}

/** The admin policy's file limits for ingestion, never looser than the built-in ones. */
export function policyExtractLimits(s: WithPolicy, builtIn: { maxFileBytes: number; maxPages: number }): { maxFileBytes: number; maxPages: number } {
  const { maxFileSizeMb, maxPages } = requirePolicy(s).limits;
  return {
    maxFileBytes: maxFileSizeMb !== undefined ? Math.min(builtIn.maxFileBytes, Math.floor(maxFileSizeMb * 1024 * 1024)) : builtIn.maxFileBytes,
    maxPages: maxPages !== undefined ? Math.min(builtIn.maxPages, maxPages) : builtIn.maxPages,
  };
}
