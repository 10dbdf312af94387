import { realpath, stat } from "node:fs/promises";
import { RpcError } from "../../common/rpc/wire";
import type { IngestResult, IngestStage } from "../../common/contracts/knowledge";
import type { Embedder } from "../llm/embedder";
import type { Db } from "../store/open-store";
import { checkpointVectorLog } from "../search/vector-index";
import { extractionThreads } from "../services/cpus";
import { collectFiles } from "./collect";
import { EXTRACTOR_VERSION, formatOf } from "./extract";
import { DEFAULT_LIMITS, type ExtractLimits } from "./extract/limits";
import { sharedPool } from "./extract/pool";
import { sha256File } from "./hash";
import { findContent, isStale, writeIndexed, writeVectors } from "./index-writer";
import { enqueue, getDocument, markFailed, queuedDocuments, requireBase, type BaseRow, type DocumentRow } from "./kb-repo";
import type { OcrMode } from "../../common/contracts/knowledge";
import { defaultOcrThreads } from "./ocr/models";
import type { OcrSettings } from "./ocr/candidates";
import type { Prepared } from "./prepare";

export { CHUNK_OPTIONS } from "./prepare";

export type { IngestResult, IngestStage } from "../../common/contracts/knowledge";

export interface IngestProgress {
  done: number;
  total: number;
  stage: IngestStage;
  file: string | null;
  /** Stage "ocr": the page being read, of how many ("正在识别第 3/9 页"). */
  ocrPage?: number;
  ocrPages?: number;
}

export interface IngestOptions {
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  embedder?: Embedder | null;
  limits?: Partial<ExtractLimits>;
  /** Heap cap of each extraction thread, MB (IT's policy); default EXTRACT_HEAP_MB. */
  heapMb?: number | undefined;
  /** Extraction threads (default: one per physical core, see extractionThreads). */
  threads?: number;
  /**
   * OCR: `mode` is the choice for the files named now (absent: each document
   * keeps its own, auto for new ones); the rest is policy and the cache folder.
   * Absent altogether: no OCR (pages without text are marked needs_ocr).
   */
  ocr?: Omit<OcrSettings, "mode" | "threads"> & { mode?: OcrMode };
  /** Every path must really lie inside this folder (the watcher's folder; collect.ts). */
  within?: string;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Serialises the embedder: one context, many lanes. */
function serial(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Adds files and folders to a base: scan, queue (in the database), then per
 * file hash -> skip if unchanged / reuse identical content -> extract (worker
 * threads) -> chunk -> embed -> write in one transaction. Leftovers of an
 * interrupted run are in the queue and are finished here too. A bad file
 * fails alone; cancelling stops between files and leaves the rest queued.
 */
export async function ingestPaths(db: Db, kbName: string, paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const base = requireBase(db, kbName);
  const limits = { ...DEFAULT_LIMITS, ...(opts.limits ?? {}) };
  const report = (p: IngestProgress): void => opts.onProgress?.(p);
  report({ done: 0, total: 0, stage: "scan", file: null });

  const collected = await collectFiles(paths, { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.within ? { within: opts.within } : {}) });
  const result: IngestResult = { ok: 0, skipped: 0, failed: [...collected.rejected], total: 0, cancelled: false };
  // Unchanged files (same size and mtime, already indexed, still the same real file) are not queued at all.
  const stats = await Promise.all(collected.files.map((f) => stat(f.real).then((s) => ({ size: s.size, mtime: Math.floor(s.mtimeMs) }), () => null)));
  db.transaction(() => {
    collected.files.forEach((f, i) => {
      const prev = getDocument(db, base.id, f.path);
      const st = stats[i];
      const sameOcr = !opts.ocr?.mode || prev?.ocrMode === opts.ocr.mode;
      const fresh = prev?.contentId != null && !staleContent(db, prev.contentId);
      const unchanged = prev && st && sameOcr && fresh && (prev.status === "ready" || prev.status === "needs_ocr") && prev.size === st.size && prev.mtime === st.mtime && prev.realPath === f.real;
      if (unchanged) result.skipped++;
      else enqueue(db, base.id, f.path, opts.ocr?.mode, f.real);
    });
  })();

  // Largest files first: the threads then end the batch together on small files, instead of one
  // thread still reading a long document after the others have run out of work.
  const sizes = new Map(collected.files.map((f, i) => [f.path, stats[i]?.size ?? 0]));
  const queue = queuedDocuments(db, base.id).sort((a, b) => (sizes.get(b.path) ?? b.size ?? 0) - (sizes.get(a.path) ?? a.size ?? 0));
  result.total = queue.length + result.skipped + result.failed.length;
  let done = result.skipped + result.failed.length;
  const threads = opts.threads ?? extractionThreads();
  // Every batch, even of one file, extracts in the shared worker threads (warm between batches, heap-capped), never on the core's thread.
  const pool = sharedPool(threads, limits, opts.heapMb);
  const embedLock = serial();
  const embedder = opts.embedder ?? null;
  let next = 0;

  /** Extraction, with OCR (in the same worker thread) for the pages that need it. */
  const extractOne = async (doc: DocumentRow, source: string): Promise<Prepared> => {
    if (!opts.ocr) return pool.prepare(source, opts.signal);
    const settings: OcrSettings = { ...opts.ocr, mode: doc.ocrMode, threads: defaultOcrThreads(threads) };
    return pool.prepare(source, opts.signal, {
      settings,
      onProgress: (p) => report({ done, total: result.total, stage: "ocr", file: doc.path, ocrPage: Math.min(p.done + 1, p.total), ocrPages: p.total }),
    });
  };

  const one = async (doc: DocumentRow): Promise<void> => {
    const progress = (stage: IngestStage): void => report({ done, total: result.total, stage, file: doc.path });
    try {
      progress("hash");
      const source = await sourceOf(db, doc);
      const st = await stat(source).catch(() => null);
      if (!st || !st.isFile()) throw new RpcError("INVALID_INPUT", `文件已不存在（可能在排队期间被删除或移动）：${doc.path}`);
      if (st.size > limits.maxFileBytes) throw new RpcError("INVALID_INPUT", `文件过大（${(st.size / 1048576).toFixed(1)} MB，上限 ${(limits.maxFileBytes / 1048576).toFixed(0)} MB），未读取：${doc.path}`);
      db.prepare("UPDATE kb_documents SET status = 'indexing' WHERE id = ?").run(doc.id);
      const sha256 = await sha256File(source);
      const identity = { size: st.size, mtime: Math.floor(st.mtimeMs), sha256 };
      const found = findContent(db, sha256);
      // Content made with another OCR choice, or by an older extractor, is extracted again (and replaces it in place).
      const known = found && (!opts.ocr || found.ocrMode === doc.ocrMode) && !isStale(found) ? found : undefined;
      if (known) {
        // Same bytes as something already indexed (here, another path, or another base): stored once.
        if (embedder && known.embedModel !== embedder.modelId) await reembedContent(db, known.id, embedder, embedLock, opts.signal);
        progress("write");
        writeIndexed(db, doc, identity, null);
        if (doc.sha256 === sha256) result.skipped++;
        else result.ok++;
        return;
      }
      progress("extract");
      const { doc: extracted, chunks, bodies } = await extractOne(doc, source);
      let vectors: Float32Array[] | undefined;
      if (embedder && chunks.length) {
        progress("embed");
        vectors = await embedLock(() => embedder.embed(chunks.map((c) => c.text), opts.signal));
      }
      if (opts.signal?.aborted) throw new RpcError("CANCELLED", "已取消");
      progress("write");
      writeIndexed(db, doc, identity, { doc: extracted, chunks, bodies, ocrMode: doc.ocrMode, ...(vectors ? { vectors, modelId: embedder!.modelId } : {}) });
      result.ok++;
    } catch (e) {
      if (e instanceof RpcError && e.code === "CANCELLED") {
        db.prepare("UPDATE kb_documents SET status = 'queued' WHERE id = ? AND status = 'indexing'").run(doc.id);
        return;
      }
      markFailed(db, doc.id, message(e));
      result.failed.push({ path: doc.path, error: message(e) });
    } finally {
      done++;
      progress("write");
    }
  };

  const lane = async (): Promise<void> => {
    while (next < queue.length && !opts.signal?.aborted) await one(queue[next++]!);
  };
  // One lane more than threads when they are worker threads: while a lane writes its file (this
  // thread, synchronous), the extra lane's next file is already waiting for the freed thread.
  const lanes = Math.max(1, Math.min(pool.size + (pool.usesWorkers ? 1 : 0), queue.length));
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
    if (embedder && !opts.signal?.aborted) await reembedBase(db, base, embedder, embedLock, opts.signal, (n, t) => report({ done: n, total: t, stage: "reembed", file: null }));
  } finally {
    // Trimming the vector log is the writers' job (searches only read): after the batch, not per file.
    checkpointVectorLog(db);
  }
  result.cancelled = !!opts.signal?.aborted;
  if (result.cancelled) db.prepare("UPDATE kb_documents SET status = 'queued' WHERE kb_id = ? AND status = 'indexing'").run(base.id);
  report({ done, total: result.total, stage: "done", file: null });
  return result;
}

function staleContent(db: Db, contentId: number): boolean {
  const row = db.prepare("SELECT extractor_version AS v FROM kb_contents WHERE id = ?").get(contentId) as { v: number } | undefined;
  return !!row && row.v < EXTRACTOR_VERSION;
}

/**
 * The file to read for a queued document: the real file it pointed at when
 * it was queued. A link retargeted since (at /etc/passwd, say) fails that
 * document instead of being read; a document queued before real paths were
 * kept gets its real path recorded now.
 */
async function sourceOf(db: Db, doc: DocumentRow): Promise<string> {
  const real = await realpath(doc.path).catch(() => null);
  if (!real) throw new RpcError("INVALID_INPUT", `文件已不存在（可能在排队期间被删除或移动）：${doc.path}`);
  if (doc.realPath && real !== doc.realPath) {
    throw new RpcError("INVALID_INPUT", `文件在加入后被替换，现在指向别处（${real}），为安全起见未读取：${doc.path}。如确需添加，请重新添加该文件`);
  }
  if (!doc.realPath) db.prepare("UPDATE kb_documents SET real_path = ? WHERE id = ?").run(real, doc.id);
  // Read the real file (no link to follow again) when its name tells the same format.
  return formatOf(real) === formatOf(doc.path) ? real : doc.path;
}

async function reembedContent(db: Db, contentId: number, embedder: Embedder, lock: ReturnType<typeof serial>, signal?: AbortSignal): Promise<void> {
  const rows = db.prepare("SELECT id, text FROM kb_chunks WHERE content_id = ? ORDER BY seq").all(contentId) as { id: number; text: string }[];
  const vectors = rows.length ? await lock(() => embedder.embed(rows.map((r) => r.text), signal)) : [];
  writeVectors(db, contentId, rows.map((r) => r.id), vectors, embedder.modelId);
}

/**
 * The base's vectors must all come from the current model: contents made by
 * another model (or none) are re-embedded, then the base records the model.
 */
async function reembedBase(db: Db, base: BaseRow, embedder: Embedder, lock: ReturnType<typeof serial>, signal: AbortSignal | undefined, progress: (n: number, t: number) => void): Promise<void> {
  const stale = db
    .prepare(
      `SELECT DISTINCT ct.id FROM kb_contents ct JOIN kb_documents d ON d.content_id = ct.id
       WHERE d.kb_id = ? AND (ct.embed_model IS NULL OR ct.embed_model <> ?) AND ct.chunk_count > 0`,
    )
    .all(base.id, embedder.modelId) as { id: number }[];
  for (const [i, c] of stale.entries()) {
    if (signal?.aborted) return;
    progress(i, stale.length);
    await reembedContent(db, c.id, embedder, lock, signal);
  }
  db.prepare("UPDATE kb_bases SET embed_model = ?, needs_reembed = 0 WHERE id = ?").run(embedder.modelId, base.id);
}
