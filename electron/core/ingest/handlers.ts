import { stat } from "node:fs/promises";
import { RpcError } from "../../common/rpc/wire";
import type { Handlers } from "../rpc/router";
import type { ProgressDetail } from "../../common/rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { knowledgeEvents, knowledgeMethods } from "../../common/contracts/knowledge";
import type { CoreServices } from "../services";
import { searchKnowledgeBase } from "../search/hybrid";
import { ocrPolicySettings } from "./ocr/services";
import { policyExtraction, readFileWithOcr } from "./ocr/read-file";
import { assertWritable, createBase, deleteBase, getDocumentById, removeDocument, renameBase, requireBase } from "./kb-repo";
import { audit } from "../security/services";
import { baseSummaries, baseSummary, documentsOf, previewPage } from "./kb-queries";
import { ingestPaths, type IngestProgress } from "./pipeline";
import { reextractStale, staleContents, type ReextractResult } from "./reextract";
import { KbWatchers } from "./watch";
import { fileData, previewFile } from "./file-preview";

type KnowledgeContract = ContractDef<typeof knowledgeMethods, typeof knowledgeEvents>;

/**
 * A restart resumes what an interrupted run left queued (the queue lives in
 * the database), in the background, for the long-running hosts.
 */
function resumeQueues(s: CoreServices): void {
  const controller = new AbortController();
  const running = drainQueues(s, controller.signal);
  // Stop between files and let the file in hand finish before the store closes.
  s.onClose(async () => {
    controller.abort();
    await running;
  });
}

/** Indexes whatever the bases have queued (an interrupted run, or files re-extraction found changed). */
async function drainQueues(s: CoreServices, signal: AbortSignal): Promise<void> {
  const pending = s.store.db
    .prepare("SELECT DISTINCT b.name FROM kb_bases b JOIN kb_documents d ON d.kb_id = b.id WHERE d.status IN ('queued','indexing')")
    .all() as { name: string }[];
  for (const { name } of pending) {
    if (signal.aborted) return;
    try {
      const r = await ingestPaths(s.store.db, name, [], { signal, embedder: await s.embedder(), ...policyExtraction(s), ocr: ocrPolicySettings(s) });
      s.log(`kb ${name}: resumed queue, ${r.ok} indexed, ${r.failed.length} failed`);
    } catch (e) {
      s.log(`kb ${name}: resuming the queue failed: ${String(e)}`);
    }
  }
}

/** Re-extraction, then the ordinary pipeline for files it found changed since they were indexed. */
async function reextract(s: CoreServices, job: { signal: AbortSignal; progress(done: number, total: number, stage: string): void }): Promise<ReextractResult> {
  const r = await reextractStale(s.store.db, {
    signal: job.signal,
    embedder: await s.embedder(),
    ...policyExtraction(s),
    ocr: ocrPolicySettings(s),
    onProgress: (p) => job.progress(p.done, p.total, "reextract"),
  });
  if (r.requeued && !job.signal.aborted) await drainQueues(s, job.signal);
  return r;
}

/**
 * Documents indexed by an older extractor are read again in the background
 * when a long-running host starts: a job (kb.reextract, in jobs.list with
 * progress, cancellable) that stops between documents on shutdown and goes
 * on at the next start with what is left.
 */
function startReextraction(s: CoreServices): void {
  if (!staleContents(s.store.db).length) return;
  let running: Promise<unknown> = Promise.resolve();
  s.jobs.start(
    "kb.reextract",
    (job) => {
      const run = (async (): Promise<ReextractResult> => {
        const r = await reextract(s, job);
        s.log(`kb: re-extracted ${r.reextracted} of ${r.total} documents (extractor update), ${r.requeued} requeued, ${r.missing} missing, ${r.failed.length} failed`);
        return r;
      })();
      running = run.catch(() => undefined);
      return run;
    },
    (r) => r,
  );
  s.onClose(async () => {
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
    startReextraction(s);
  }
  s.onClose(() => watchers.closeAll());
  /**
   * Indexes a base's queue in the background (a document whose OCR choice
   * changed) as a job of the core: its progress goes out on job.progress, as kb.add's does.
   */
  const reindex = (name: string): string =>
    s.jobs.start(
      "kb.setOcr",
      async (job) =>
        ingestPaths(db(), name, [], {
          signal: job.signal,
          ...policyExtraction(s),
          ocr: ocrPolicySettings(s),
          embedder: await s.embedder(),
          onProgress: (p) => job.progress(p.done, p.total, p.stage, progressDetail(p)),
        }),
      (r) => r,
    );
  return {
    "kb.list": async () => {
      const e = await s.embedder();
      return { bases: baseSummaries(db(), e?.modelId ?? null), vectorSearch: e !== null };
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
    "kb.add": async ({ name, paths, ocr }, job) => {
      assertWritable(db(), requireBase(db(), name).id);
      const e = await s.embedder();
      audit(s, { type: "document.ingest", object: name, detail: { paths: paths.length } });
      return ingestPaths(db(), name, paths, {
        signal: job.signal,
        // IT's policy may cap file size, pages and parser memory (each file over it fails alone, with the limit named).
        ...policyExtraction(s),
        // OCR where pages need it (each document's own choice, or the one given now), within the policy.
        ocr: { ...ocrPolicySettings(s), ...(ocr ? { mode: ocr } : {}) },
        embedder: e,
        onProgress: (p) => job.progress(p.done, p.total, p.stage, progressDetail(p)),
      });
    },
    "kb.documents": ({ name }) => ({ documents: documentsOf(db(), name) }),
    "kb.removeDocument": ({ id }) => {
      const doc = getDocumentById(db(), id);
      if (!doc) return { removed: false };
      assertWritable(db(), doc.kbId);
      removeDocument(db(), id);
      audit(s, { type: "document.remove", object: doc.path });
      return { removed: true };
    },
    "kb.search": async ({ name, query, k, filters }) => {
      // Resolved once, for the search and the answer's vectorSearch flag.
      const e = await s.embedder();
      const hits = await searchKnowledgeBase(s, name, query, { k, embedder: e, ...(filters ? { filters } : {}) });
      audit(s, { type: "search", object: name, question: query });
      return { hits, vectorSearch: e !== null };
    },
    "kb.preview": ({ documentId, page }) => previewPage(db(), documentId, page),
    "kb.reextract": async (_input, job) => {
      return reextract(s, job);
    },
    "kb.previewFile": ({ path, page }) => previewFile(path, page),
    "kb.fileData": (target) => fileData(db(), target),
    // In an extraction worker thread (heap-capped; OCR where pages need it), never on the core's thread.
    "kb.extract": ({ path, ocr }) => readFileWithOcr(s, path, { mode: ocr }),
    "kb.setOcr": ({ id, mode }) => {
      const doc = getDocumentById(db(), id);
      if (!doc) throw new RpcError("NOT_FOUND", "找不到该文档，可能已被移除。");
      assertWritable(db(), doc.kbId);
      db().prepare("UPDATE kb_documents SET ocr_mode = ?, status = 'queued', error = NULL WHERE id = ?").run(mode, id);
      const base = db().prepare("SELECT name FROM kb_bases WHERE id = ?").get(doc.kbId) as { name: string };
      audit(s, { type: "document.ingest", object: base.name, detail: { paths: 1 } });
      reindex(base.name);
      return { queued: true };
    },
  };
}

/** The file in hand, and the page OCR is reading of how many ("正在识别第 3/9 页"). */
function progressDetail(p: IngestProgress): ProgressDetail {
  return { item: p.file ?? undefined, sub: p.ocrPage !== undefined && p.ocrPages !== undefined ? { done: p.ocrPage, total: p.ocrPages } : undefined };
}
