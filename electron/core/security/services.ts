import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditEntry, Policy, RedactionKind } from "../../common/contracts/security";
import { RpcError } from "../../common/rpc/wire";
import type { Settings } from "../../common/settings";
import type { CoreServices } from "../services";
import { dbAnchor } from "./audit/anchor";
import { createAuditLog, type AuditEvent, type AuditLog } from "./audit/audit-log";
import { createSyslogSink } from "./audit/syslog";
import { loadPolicy, NO_POLICY, type PolicyLoad } from "./policy/load-policy";
import { DEFAULT_LOCK_REASON, effectiveSettings, lockedKeysIn } from "./policy/effective";
import { exportRefusal, fileSizeRefusal, modelRefusal, pageCountRefusal, remoteModelRefusal } from "./policy/rules";
import { DEFAULT_KINDS, HEURISTIC_KINDS, redact } from "./redact/redact";

/**
 * The security layer as other core modules use it. The core's services
 * object has no policy or audit field (core.ts is shared), so both are made
 * lazily, once per open store, here.
 */
const policies = new WeakMap<object, PolicyLoad>();
const audits = new WeakMap<object, AuditLog>();

/** The policy read when this core first asked (GOVDESK_POLICY or the platform's path). */
export function getPolicyLoad(s: Pick<CoreServices, "store" | "onClose">): PolicyLoad {
  let load = policies.get(s.store);
  if (!load) {
    load = loadPolicy();
    policies.set(s.store, load);
    s.onClose(() => void policies.delete(s.store));
  }
  return load;
}

/** The policy in force; throws the lock-down error when the policy file is invalid. */
export function requirePolicy(s: Pick<CoreServices, "store" | "onClose">): Policy {
  const load = getPolicyLoad(s);
  if (!load.ok) throw new RpcError("UNAVAILABLE", load.error, load.issues.join("\n"));
  return load.policy;
}

/** The audit folder of a data dir. */
export function auditDir(s: Pick<CoreServices, "dataDir">): string {
  return join(s.dataDir, "audit");
}

/** The audit log of this data dir. Its first use records which policy was loaded. */
export function getAudit(s: Pick<CoreServices, "store" | "onClose" | "dataDir" | "log">): AuditLog {
  let audit = audits.get(s.store);
  if (audit) return audit;
  const load = getPolicyLoad(s);
  const options = (load.ok ? load.policy : NO_POLICY).audit;
  const sink = options.syslog ? createSyslogSink(options.syslog, s.log) : null;
  audit = createAuditLog(auditDir(s), {
    logQuestions: options.logQuestions,
    retentionDays: options.retentionDays,
    maxFileBytes: options.maxFileSizeMb * 1024 * 1024,
    onError: s.log,
    anchor: dbAnchor(s.store.db),
    ...(sink ? { onAppended: (entry: AuditEntry) => sink.send(entry) } : {}),
  });
  if (sink) s.onClose(() => sink.close());
  audits.set(s.store, audit);
  s.onClose(() => void audits.delete(s.store));
  audit.record(
    load.ok
      ? { type: "policy.load", object: load.path, detail: { exists: load.exists, sha256: fileSha256(load.path), sources: load.sources.join("；") } }
      : { type: "policy.invalid", object: load.path, detail: { error: load.issues.join("；").slice(0, 1000), sha256: fileSha256(load.path) } },
  );
  return audit;
}

/** One-line hook for other modules: `audit(s, { type: "search", object: query })`. */
export function audit(s: Pick<CoreServices, "store" | "onClose" | "dataDir" | "log">, event: AuditEvent): void {
  getAudit(s).record(event);
}

/** DevTools in the desktop window: only when the policy turns them on (an invalid policy never does). */
export function devtoolsAllowed(s: Pick<CoreServices, "store" | "onClose">): boolean {
  const load = getPolicyLoad(s);
  return load.ok && load.policy.developer.devtools;
}

/** Refuses (RpcError) a model whose sha256 the policy does not allow. */
export function assertModelAllowed(s: Pick<CoreServices, "store" | "onClose">, sha256: string): void {
  const why = modelRefusal(requirePolicy(s), sha256);
  if (why) throw new RpcError("UNAVAILABLE", why);
}

/** Refuses an intranet model server URL whose host the policy does not list (loopback included). */
export function assertRemoteModelAllowed(s: Pick<CoreServices, "store" | "onClose">, url: string): void {
  const why = remoteModelRefusal(requirePolicy(s), url);
  if (why) throw new RpcError("UNAVAILABLE", why);
}

export function assertExportAllowed(s: Pick<CoreServices, "store" | "onClose">): void {
  const why = exportRefusal(requirePolicy(s));
  if (why) throw new RpcError("UNAVAILABLE", why);
}

/** The settings in force (core.ts `settings.get`): locked keys replaced by the policy's values. */
export function policySettings(s: Pick<CoreServices, "store" | "onClose">, settings: Settings): Settings {
  const load = getPolicyLoad(s);
  return load.ok ? effectiveSettings(settings, load.policy) : settings;
}

/** Refuses (core.ts `settings.set`) a patch that touches a locked setting, naming it and the reason. */
export function assertSettingsPatchAllowed(s: Pick<CoreServices, "store" | "onClose" | "settings">, patch: Partial<Settings>): void {
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
export function fileLimitRefusal(s: Pick<CoreServices, "store" | "onClose">, file: { bytes?: number; pages?: number }): string | null {
  const policy = requirePolicy(s);
  return (file.bytes !== undefined ? fileSizeRefusal(policy, file.bytes) : null) ?? (file.pages !== undefined ? pageCountRefusal(policy, file.pages) : null);
}

/** The kinds policy redaction masks: the checked numbers, and names and addresses when redaction.heuristic is on. */
function policyKinds(policy: Policy): readonly RedactionKind[] {
  return policy.redaction.heuristic ? [...DEFAULT_KINDS, ...HEURISTIC_KINDS] : DEFAULT_KINDS;
}

/** Text about to be exported: masked when the policy's exports.redact is on. */
export function redactForExport(s: Pick<CoreServices, "store" | "onClose">, text: string): string {
  const policy = requirePolicy(s);
  return policy.exports.redact ? redact(text, policyKinds(policy)) : text;
}

/** Text about to be sent to an intranet model server: masked when remote.redact is on. */
export function redactForRemote(s: Pick<CoreServices, "store" | "onClose">, text: string): string {
  const policy = requirePolicy(s);
  return policy.remote.redact ? redact(text, policyKinds(policy)) : text;
}

function fileSha256(path: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}

/** The admin policy's file limits for ingestion, never looser than the built-in ones. */
export function policyExtractLimits(s: Pick<CoreServices, "store" | "onClose">, builtIn: { maxFileBytes: number; maxPages: number }): { maxFileBytes: number; maxPages: number } {
  const { maxFileSizeMb, maxPages } = requirePolicy(s).limits;
  return {
    maxFileBytes: maxFileSizeMb !== undefined ? Math.min(builtIn.maxFileBytes, Math.floor(maxFileSizeMb * 1024 * 1024)) : builtIn.maxFileBytes,
    maxPages: maxPages !== undefined ? Math.min(builtIn.maxPages, maxPages) : builtIn.maxPages,
  };
}
