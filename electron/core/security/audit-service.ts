import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AuditEntry } from "../../common/contracts/security";
import type { AuditAnchor } from "./audit/anchor";
import { createAuditLog, type AuditEvent, type AuditLog } from "./audit/audit-log";
import { createSyslogSink } from "./audit/syslog";
import { NO_POLICY } from "./policy/load-policy";
import type { PolicyService } from "./policy-service";

/**
 * The audit log of this data dir, made by createCore from the policy's audit
 * options. A session's records start with which policy is in force: the app
 * (electron, serve) records it at start (recordPolicy); a one-shot CLI
 * command records it with its first event, so `audit verify` writes nothing
 * to the log it verifies. The chain is anchored outside its folder (the
 * database: audit/anchor.ts), and each entry also leaves the machine when
 * the policy names a syslog collector (audit.syslog).
 */
export interface AuditService extends AuditLog {
  /** Records policy.load (or policy.invalid) for this session, once. */
  recordPolicy(): void;
}

export interface AuditServiceOptions {
  /** The chain's anchor outside the folder (createCore: the database's audit_anchor row). */
  anchor?: AuditAnchor;
  /** Where the syslog sink's socket is closed with the core. */
  onClose?: (fn: () => void) => void;
}

export function createAuditService(dir: string, policy: PolicyService, onError: (line: string) => void, extra: AuditServiceOptions = {}): AuditService {
  const load = policy.load;
  const options = (load.ok ? load.policy : NO_POLICY).audit;
  const sink = options.syslog ? createSyslogSink(options.syslog, onError) : null;
  if (sink) extra.onClose?.(() => sink.close());
  const log = createAuditLog(dir, {
    logQuestions: options.logQuestions,
    retentionDays: options.retentionDays,
    maxFileBytes: options.maxFileSizeMb * 1024 * 1024,
    onError,
    ...(extra.anchor ? { anchor: extra.anchor } : {}),
    ...(sink ? { onAppended: (entry: AuditEntry) => sink.send(entry) } : {}),
  });
  let policyRecorded = false;
  function recordPolicy(): void {
    if (policyRecorded) return;
    policyRecorded = true;
    log.record(
      load.ok
        ? { type: "policy.load", object: load.path, detail: { exists: load.exists, sha256: fileSha256(load.path), sources: load.sources.join("；") } }
        : { type: "policy.invalid", object: load.path, detail: { error: load.issues.join("；").slice(0, 1000), sha256: fileSha256(load.path) } },
    );
  }
  return {
    dir: log.dir,
    recordPolicy,
    record(event: AuditEvent) {
      recordPolicy();
      log.record(event);
    },
    verify: () => log.verify(),
    list: (options) => log.list(options),
    exportText: () => log.exportText(),
  };
}

function fileSha256(path: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}
