import type { DocMeta, KbBase, KbDocument, KbPreview } from "../../common/contracts/knowledge";
import { RpcError } from "../../common/rpc/wire";
import type { Db } from "../store/open-store";
import { getDocumentById, listBases, requireBase, type BaseRow } from "./kb-repo";
import type { OcrPageLayout } from "./types";

/**
 * A base as the contract shows it. `embedModelId` is the embedding model in
 * use now, when the caller has it: a base whose vectors another model made
 * needs re-embedding (worked out here, on read; nothing is written).
 */
export function baseSummary(db: Db, b: BaseRow, embedModelId: string | null = null): KbBase {
  const counts = db
    .prepare(
      `SELECT COUNT(*) AS documents,
              COALESCE(SUM(CASE WHEN d.status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
              COALESCE(SUM(CASE WHEN d.status IN ('queued','indexing') THEN 1 ELSE 0 END), 0) AS queued,
              COALESCE(SUM(ct.chunk_count), 0) AS chunks
       FROM kb_documents d LEFT JOIN kb_contents ct ON ct.id = d.content_id WHERE d.kb_id = ?`,
    )
    .get(b.id) as { documents: number; failed: number; queued: number; chunks: number };
  return { name: b.name, createdAt: b.createdAt, embedModel: b.embedModel, needsReembed: needsReembed(b, embedModelId), watchPath: b.watchPath, ...counts };
}

export function baseSummaries(db: Db, embedModelId: string | null = null): KbBase[] {
  return listBases(db).map((b) => baseSummary(db, b, embedModelId));
}

/** Vectors from another model than the current one (or a pack's mismatch, recorded at install) need re-embedding. */
export function needsReembed(b: BaseRow, embedModelId: string | null): boolean {
  return b.needsReembed || (embedModelId !== null && b.embedModel !== null && b.embedModel !== embedModelId);
}

interface DocJoin {
  id: number;
  path: string;
  title: string | null;
  format: string | null;
  status: KbDocument["status"];
  error: string | null;
  size: number | null;
  pages: number | null;
  paged: number | null;
  chunks: number | null;
  meta: string | null;
  warnings: string | null;
  indexedAt: number | null;
  ocrMode: KbDocument["ocrMode"];
  ocrPages: number | null;
  ocrConfidence: number | null;
  contentId: number | null;
}

export function documentsOf(db: Db, name: string): KbDocument[] {
  const base = requireBase(db, name);
  const rows = db
    .prepare(
      `SELECT d.id, d.path, ct.title, ct.format, d.status, d.error, d.size, ct.page_count AS pages, ct.paged, ct.chunk_count AS chunks,
              ct.meta, ct.warnings, d.indexed_at AS indexedAt, d.ocr_mode AS ocrMode, ct.ocr_pages AS ocrPages,
              ct.ocr_confidence AS ocrConfidence, d.content_id AS contentId
       FROM kb_documents d LEFT JOIN kb_contents ct ON ct.id = d.content_id WHERE d.kb_id = ? ORDER BY d.path`,
    )
    .all(base.id) as DocJoin[];
  // Pages OCR was asked to read and could not (still without text), per content.
  const unreadable = db.prepare("SELECT page FROM kb_pages WHERE content_id = ? AND needs_ocr = 1 ORDER BY page");
  return rows.map(({ ocrPages, ocrConfidence, contentId, ...r }) => ({
    ...r,
    paged: r.paged === null ? undefined : r.paged !== 0,
    meta: r.meta ? (JSON.parse(r.meta) as DocMeta) : {},
    warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [],
    ocr: ocrPages ? { pages: ocrPages, confidence: ocrConfidence ?? 0, unreadable: (unreadable.all(contentId) as { page: number }[]).map((p) => p.page) } : null,
  }));
}

export function previewPage(db: Db, documentId: number, page: number): KbPreview {
  const doc = getDocumentById(db, documentId);
  if (!doc || doc.contentId === null) throw new RpcError("NOT_FOUND", "找不到该文档的内容，可能尚未完成索引或已被移除。");
  const ct = db.prepare("SELECT title, page_count AS pageCount, paged FROM kb_contents WHERE id = ?").get(doc.contentId) as { title: string; pageCount: number; paged: number };
  const p = Math.min(Math.max(1, page), Math.max(1, ct.pageCount));
  const row = db.prepare("SELECT text, needs_ocr AS needsOcr, source, confidence, ocr, label FROM kb_pages WHERE content_id = ? AND page = ?").get(doc.contentId, p) as
    | { text: string; needsOcr: number; source: "text" | "ocr"; confidence: number | null; ocr: string | null; label: string | null }
    | undefined;
  const layout = row?.ocr ? (JSON.parse(row.ocr) as OcrPageLayout) : null;
  return {
    documentId,
    path: doc.path,
    title: ct.title,
    page: p,
    pageCount: ct.pageCount,
    text: row?.text ?? "",
    needsOcr: !!row?.needsOcr,
    source: row?.source ?? "text",
    ocr: layout ? { confidence: row?.confidence ?? 0, rotation: layout.rotation, lines: layout.lines } : null,
    paged: ct.paged !== 0,
    ...(row?.label ? { label: row.label } : {}),
  };
}
