import { stat } from "node:fs/promises";
import { RpcError } from "../../common/rpc/wire";
import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { knowledgeEvents, knowledgeMethods } from "../../common/contracts/knowledge";
import type { CoreServices } from "../services";
import { searchKnowledgeBase } from "../search/hybrid";
import { extractFile } from "./extract";
import { assertWritable, createBase, deleteBase, getDocumentById, removeDocument, renameBase, requireBase } from "./kb-repo";
import { audit, policyExtractLimits } from "../security/services";
import { DEFAULT_LIMITS } from "./extract/limits";
import { baseSummaries, baseSummary, documentsOf, previewPage } from "./kb-queries";
import { ingestPaths, markStaleBases } from "./pipeline";
import { KbWatchers } from "./watch";
import { fileData, previewFile } from "./file-preview";

type KnowledgeContract = ContractDef<typeof knowledgeMethods, typeof knowledgeEvents>;

/**
 * A restart resumes what an interrupted run left queued (the queue lives in
 * the database), in the background, for the long-running hosts.
 */
function resumeQueues(s: CoreServices): void {
  const pending = s.store.db
    .prepare("SELECT DISTINCT b.name FROM kb_bases b JOIN kb_documents d ON d.kb_id = b.id WHERE d.status IN ('queued','indexing')")
    .all() as { name: string }[];
  if (!pending.length) return;
  const controller = new AbortController();
  const running = (async () => {
    for (const { name } of pending) {
      if (controller.signal.aborted) return;
      try {
        const r = await ingestPaths(s.store.db, name, [], { signal: controller.signal, embedder: await s.embedder() });
        s.log(`kb ${name}: resumed queue, ${r.ok} indexed, ${r.failed.length} failed`);
      } catch (e) {
        s.log(`kb ${name}: resuming the queue failed: ${String(e)}`);
      }
    }
  })();
  // Stop between files and let the file in hand finish before the store closes.
  s.onClose(async () => {
    controller.abort();
    await running;
  });
}

/** Handlers for the knowledge-base calls of the contract. */
export function knowledgeHandlers(s: CoreServices): Handlers<KnowledgeContract> {
  const db = (): CoreServices["store"]["db"] => s.store.db;
  const watchers = new KbWatchers(s);
  // Watching is for long-running hosts; a one-shot CLI command must be able to exit.
  if (s.host === "electron" || s.host === "serve") {
    watchers.resume();
    resumeQueues(s);
  }
  s.onClose(() => watchers.closeAll());
  const embedder = async (): Promise<Awaited<ReturnType<CoreServices["embedder"]>>> => {
    const e = await s.embedder();
    markStaleBases(db(), e?.modelId ?? null);
    return e;
  };
  return {
    "kb.list": async () => {
      const e = await embedder();
      return { bases: baseSummaries(db()), vectorSearch: e !== null };
    },
    "kb.create": ({ name }) => baseSummary(db(), createBase(db(), name)),
    "kb.rename": async ({ name, to }) => {
      const renamed = renameBase(db(), name, to);
      watchers.stop(name);
      if (renamed.watchPath) await watchers.set(renamed.name, renamed.watchPath);
      return baseSummary(db(), renamed);
    },
    "kb.watch": async ({ name, folder }) => {
      if (folder) assertWritable(db(), requireBase(db(), name).id);
      if (folder) {
        const st = await stat(folder).catch(() => null);
        if (!st?.isDirectory()) throw new RpcError("INVALID_INPUT", `找不到文件夹：${folder}`);
      }
      await watchers.set(name, folder);
      return baseSummary(db(), requireBase(db(), name));
    },
    "kb.delete": ({ name }) => {
      watchers.stop(name);
      deleteBase(db(), name);
      audit(s, { type: "document.remove", object: `kb:${name}` });
      return { deleted: true };
    },
    "kb.add": async ({ name, paths }, job) => {
      assertWritable(db(), requireBase(db(), name).id);
      const e = await embedder();
      audit(s, { type: "document.ingest", object: name, detail: { paths: paths.length } });
      return ingestPaths(db(), name, paths, {
        signal: job.signal,
        // IT's policy may cap file size and pages (each file over it fails alone, with the limit named).
        limits: policyExtractLimits(s, DEFAULT_LIMITS),
        embedder: e,
        onProgress: (p) => {
          job.progress(p.done, p.total, p.stage);
          s.emit("kb.progress", { jobId: job.jobId, kb: name, ...p });
        },
      });
    },
    "kb.documents": ({ name }) => ({ documents: documentsOf(db(), name) }),
    "kb.removeDocument": ({ id }) => {
      const doc = getDocumentById(db(), id);
      if (doc) assertWritable(db(), doc.kbId);
      removeDocument(db(), id);
      audit(s, { type: "document.remove", object: doc?.path ?? String(id) });
      return { removed: true };
    },
    "kb.search": async ({ name, query, k, filters }) => {
      const e = await embedder();
      const hits = await searchKnowledgeBase(s, name, query, { k, ...(filters ? { filters } : {}) });
      audit(s, { type: "search", object: name, question: query });
      return { hits, vectorSearch: e !== null };
    },
    "kb.preview": ({ documentId, page }) => previewPage(db(), documentId, page),
    "kb.previewFile": ({ path, page }) => previewFile(path, page),
    "kb.fileData": (target) => fileData(db(), target),
    "kb.extract": ({ path }) => extractFile(path),
  };
}
