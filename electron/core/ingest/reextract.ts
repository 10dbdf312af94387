import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { Embedder } from "../llm/embedder";
import type { Db } from "../store/open-store";
import { EXTRACTOR_VERSION } from "./extract";
import { DEFAULT_LIMITS, type ExtractLimits } from "./extract/limits";
import { sharedPool } from "./extract/pool";
import { sha256File } from "./hash";
import { replaceContent } from "./index-writer";
import { enqueue } from "./kb-repo";
import type { OcrSettings } from "./ocr/candidates";
import { defaultOcrThreads } from "./ocr/models";
import type { OcrMode } from "../../common/contracts/knowledge";

export interface ReextractProgress {
  done: number;
  total: number;
  file: string | null;
}

export interface ReextractResult {
  /** Contents read again with the current extractor. */
  reextracted: number;
  /** Documents whose file changed since: queued for a normal re-index instead. */
  requeued: number;
  /** Contents whose files are all gone (or unreadable): kept as they were. */
  missing: number;
  failed: { path: string; error: string }[];
  total: number;
  cancelled: boolean;
}

export interface ReextractOptions {
  signal?: AbortSignal;
  onProgress?: (p: ReextractProgress) => void;
  embedder?: Embedder | null;
  limits?: Partial<ExtractLimits>;
  /** Heap cap of each extraction thread, MB (IT's policy); default EXTRACT_HEAP_MB. */
  heapMb?: number | undefined;
  threads?: number;
  /**
   * OCR as ingestion has it (policy and cache); each content is read again
   * with the OCR choice it was made with (cached pages are not OCR'd twice).
   * Absent: no OCR.
   */
  ocr?: Omit<OcrSettings, "mode" | "threads">;
}

/** Contents made by an older extractor that some document still points at. */
export function staleContents(db: Db): { id: number; sha256: string; embedModel: string | null; ocrMode: OcrMode }[] {
  return db
    .prepare(
      `SELECT ct.id, ct.sha256, ct.embed_model AS embedModel, ct.ocr_mode AS ocrMode FROM kb_contents ct
       WHERE ct.extractor_version < ? AND EXISTS (SELECT 1 FROM kb_documents d WHERE d.content_id = ct.id)
       ORDER BY ct.id`,
    )
    .all(EXTRACTOR_VERSION) as never;
}

/**
 * Re-extracts every stored content made by an older extractor version, from
 * a file of the same bytes (any document pointing at it), and replaces it in
 * place: documents keep their ids and bases, nothing is re-added. Each
 * content is one transaction, so an interrupted run resumes with what is left
 * (the version column says what is done). A file that changed since is queued
 * for the ordinary pipeline; a file that is gone leaves its old text in place.
 */
export async function reextractStale(db: Db, opts: ReextractOptions = {}): Promise<ReextractResult> {
  const stale = staleContents(db);
  const result: ReextractResult = { reextracted: 0, requeued: 0, missing: 0, failed: [], total: stale.length, cancelled: false };
  if (!stale.length) return result;
  const limits = { ...DEFAULT_LIMITS, ...(opts.limits ?? {}) };
  const threads = opts.threads ?? Math.max(1, availableParallelism());
  const pool = sharedPool(threads, limits, opts.heapMb);
  let done = 0;
  const report = (file: string | null): void => opts.onProgress?.({ done, total: stale.length, file });
  report(null);
  for (const content of stale) {
    if (opts.signal?.aborted) break;
    const docs = db.prepare("SELECT id, kb_id AS kbId, path FROM kb_documents WHERE content_id = ? ORDER BY id").all(content.id) as { id: number; kbId: number; path: string }[];
    let source: string | null = null;
    const changed: typeof docs = [];
    for (const d of docs) {
      const st = await stat(d.path).catch(() => null);
      if (!st?.isFile()) continue;
      if ((await sha256File(d.path).catch(() => null)) === content.sha256) {
        source = d.path;
        break;
      }
      changed.push(d);
    }
    report(source ?? docs[0]?.path ?? null);
    try {
      if (source) {
        const ocr = opts.ocr ? { settings: { ...opts.ocr, mode: content.ocrMode, threads: defaultOcrThreads(threads) } } : undefined;
        const prepared = await pool.prepare(source, opts.signal, ocr);
        const embedder = opts.embedder ?? null;
        const vectors = embedder && content.embedModel && prepared.chunks.length ? await embedder.embed(prepared.chunks.map((c) => c.text), opts.signal) : undefined;
        if (opts.signal?.aborted) break;
        replaceContent(db, content.id, { ...prepared, ocrMode: content.ocrMode, ...(vectors && embedder ? { vectors, modelId: embedder.modelId } : {}) });
        result.reextracted++;
      } else if (changed.length) {
        db.transaction(() => changed.forEach((d) => enqueue(db, d.kbId, d.path)))();
        result.requeued += changed.length;
      } else result.missing++;
    } catch (e) {
      if ((e as { code?: string }).code === "CANCELLED") break;
      result.failed.push({ path: source ?? "", error: e instanceof Error ? e.message : String(e) });
    }
    done++;
    report(null);
  }
  result.cancelled = !!opts.signal?.aborted;
  return result;
}
