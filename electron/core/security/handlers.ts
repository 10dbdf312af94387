import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { securityEvents, securityMethods } from "../../common/contracts/security";
import type { CoreServices } from "../services";
import { guardCore } from "./offline-guard";
import { lockedKeys } from "./policy/effective";
import { NO_POLICY } from "./policy/load-policy";
import { findPersonalData, applySpans } from "./redact/redact";
import { listAudit } from "./audit/read";
import { verifyAuditDir } from "./audit/verify";
import { auditDir, getAudit, getPolicyLoad } from "./services";

type SecurityContract = ContractDef<typeof securityMethods, typeof securityEvents>;

/** Handlers for policy, audit and redaction calls of the contract. */
export function securityHandlers(s: CoreServices): Handlers<SecurityContract> {
  // The core reads the policy when it starts and, from then on, refuses any
  // connection the policy does not allow (an invalid policy allows none).
  const load = getPolicyLoad(s);
  s.onClose(
    guardCore(s, load.ok ? load.policy : NO_POLICY, (a, reason) =>
      getAudit(s).record({ type: "network.blocked", object: `${a.protocol}:${a.host}${a.port ? `:${a.port}` : ""}`, detail: { reason } }),
    ),
  );
  return {
    "policy.get": () => {
      const load = getPolicyLoad(s);
      return load.ok
        ? { ok: true, path: load.path, exists: load.exists, policy: load.policy, locked: lockedKeys(load.policy) }
        : { ok: false, path: load.path, error: load.error, issues: load.issues };
    },
    "audit.list": (input) => listAudit(auditDir(s), input),
    "audit.verify": () => verifyAuditDir(auditDir(s)),
    "audit.export": () => {
      const audit = getAudit(s);
      const verify = audit.verify();
      const { content, entries } = audit.exportText();
      // Recorded after reading, so the export is the log as it was asked for.
      audit.record({ type: "audit.export", object: "audit", detail: { entries, ok: verify.ok } });
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `govdesk-audit-${day}.jsonl`, content, entries, verify };
    },
    "redact.preview": ({ text, kinds }) => {
      const spans = findPersonalData(text, kinds);
      return { redacted: applySpans(text, spans), spans };
    },
  };
}
