import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { securityEvents, securityMethods } from "../../common/contracts/security";
import type { CoreServices } from "../services";
import { guardCore } from "./offline-guard";
import { lockedKeys } from "./policy/effective";
import { NO_POLICY } from "./policy/load-policy";
import { redactionPool } from "../ingest/extract/pool";
import { listAudit } from "./audit/read";
import { assertExportAllowed, audit } from "./services";
import { exportPack } from "./packs/export-pack";
import { installPack } from "./packs/import-pack";
import { preinstallPacks } from "./packs/preinstall";

type SecurityContract = ContractDef<typeof securityMethods, typeof securityEvents>;

/** Handlers for policy, audit and redaction calls of the contract. */
export function securityHandlers(s: CoreServices): Handlers<SecurityContract> {
  // The core reads the policy when it starts and, from then on, refuses any
  // connection the policy does not allow (an invalid policy allows none).
  const load = s.policy.load;
  s.onClose(
    guardCore(s, load.ok ? load.policy : NO_POLICY, (a, reason) =>
      s.audit.record({ type: "network.blocked", object: `${a.protocol}:${a.host}${a.port ? `:${a.port}` : ""}`, detail: { reason } }),
    ),
  );
  const packs = load.ok ? load.policy.knowledgePacks.folder : undefined;
  if (packs) {
    // In the background: a start must not wait for large packs to install.
    void s
      .embedder()
      .catch(() => null)
      .then((e) =>
        preinstallPacks(s.store.db, packs, e?.modelId ?? null, (file, outcome) => {
          if (outcome instanceof Error) s.log(`packs: ${file}: ${outcome.message}`);
          else audit(s, { type: "kb.import", object: outcome.base, detail: { path: file, documents: outcome.documents, packId: outcome.packId, policy: true } });
        }),
      );
  }
  return {
    "packs.export": async ({ name, path }) => {
      assertExportAllowed(s);
      const r = await exportPack(s.store.db, name, path);
      audit(s, { type: "kb.export", object: name, detail: { path, documents: r.documents, packId: r.packId } });
      return r;
    },
    "packs.import": async ({ path, name }) => {
      const local = await s.embedder().catch(() => null);
      const r = await installPack(s.store.db, path, { ...(name ? { name } : {}), localEmbedModel: local?.modelId ?? null });
      audit(s, { type: "kb.import", object: r.base, detail: { path, documents: r.documents, packId: r.packId, embedModelMismatch: r.embedModelMismatch } });
      return r;
    },
    "policy.get": () => {
      const load = s.policy.load;
      return load.ok
        ? { ok: true, path: load.path, exists: load.exists, policy: load.policy, locked: lockedKeys(load.policy), sources: load.sources, origins: load.origins }
        : { ok: false, path: load.path, error: load.error, issues: load.issues, sources: load.sources };
    },
    "audit.list": (input) => listAudit(s.audit.dir, input),
    // Against the database's anchor; verifying writes nothing to the log it verifies.
    "audit.verify": () => s.audit.verify(),
    "audit.export": () => {
      const audit = s.audit;
      // The session's policy record first, so the export holds it like the log will.
      audit.recordPolicy();
      const verify = audit.verify();
      const { content, entries } = audit.exportText();
      // Recorded after reading, so the export is the log as it was asked for.
      audit.record({ type: "audit.export", object: "audit", detail: { entries, ok: verify.ok } });
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `govdesk-audit-${day}.jsonl`, content, entries, verify };
    },
    // In an extraction worker thread: a million characters must not stall every other call.
    "redact.preview": ({ text, kinds }) => redactionPool().redact(text, kinds),
  };
}
