import type { Db } from "../store/open-store";
import { putVector, vecTable } from "../search/vector";
import type { OcrMode } from "../../common/contracts/knowledge";
import { EXTRACTOR_VERSION } from "./extract";
import { dropContentIfUnused, purgeContentRows, type DocumentRow } from "./kb-repo";
import { ftsBody } from "./prepare";
import type { Chunk, ExtractedDocument } from "./types";

export interface FileIdentity {
  size: number;
  mtime: number;
  sha256: string;
}

export interface Indexed {
  doc: ExtractedDocument;
  chunks: Chunk[];
  /** Pre-segmented FTS text per chunk (made in the worker); computed here when absent. */
  bodies?: string[];
  /** One vector per chunk, when an embedding model is set. */
  vectors?: Float32Array[];
  modelId?: string;
  /** The OCR choice the content was extracted with (default auto). */
  ocrMode?: OcrMode;
  /** The extractor version that made it (default: this one; a knowledge pack says its own). */
  extractorVersion?: number;
}

export interface ContentRow {
  id: number;
  embedModel: string | null;
  needsOcr: number;
  ocrMode: OcrMode;
  extractorVersion: number;
}

export function findContent(db: Db, sha256: string): ContentRow | undefined {
  return db
    .prepare("SELECT id, embed_model AS embedModel, needs_ocr AS needsOcr, ocr_mode AS ocrMode, extractor_version AS extractorVersion FROM kb_contents WHERE sha256 = ?")
    .get(sha256) as never;
}

/** A content made by an older extractor: its text and metadata are read again. */
export function isStale(c: Pick<ContentRow, "extractorVersion">): boolean {
  return c.extractorVersion < EXTRACTOR_VERSION;
}

function statusOf(needsOcr: number): "ready" | "needs_ocr" {
  return needsOcr ? "needs_ocr" : "ready";
}

const CONTENT_COLUMNS =
  "format, title, meta, warnings, page_count, chunk_count, needs_ocr, issuer, doc_number, doc_date, embed_model, ocr_pages, ocr_confidence, ocr_mode, extractor_version, paged";

/** The values of CONTENT_COLUMNS for an extraction. */
function contentValues(x: Indexed): unknown[] {
  const d = x.doc;
  const needsOcr = d.pages.length > 0 && d.pages.every((p) => p.needsOcr) ? 1 : 0;
  const ocr = d.pages.filter((p) => p.source === "ocr");
  const ocrConfidence = ocr.length ? ocr.reduce((s, p) => s + (p.confidence ?? 0), 0) / ocr.length : null;
  return [
    d.format, d.title, JSON.stringify(d.meta), JSON.stringify(d.warnings), d.pages.length, x.chunks.length, needsOcr,
    d.meta.issuer ?? null, d.meta.docNumber ?? null, d.meta.date ?? null, x.vectors ? (x.modelId ?? null) : null,
    ocr.length, ocrConfidence, x.ocrMode ?? "auto", x.extractorVersion ?? EXTRACTOR_VERSION, d.paged === false ? 0 : 1,
  ];
}

/** Pages, chunks, FTS rows and vectors of a content. */
function insertParts(db: Db, contentId: number, x: Indexed): void {
  const d = x.doc;
  const page = db.prepare("INSERT INTO kb_pages(content_id, page, text, needs_ocr, source, confidence, ocr, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const p of d.pages) page.run(contentId, p.page, p.text, p.needsOcr ? 1 : 0, p.source ?? "text", p.confidence ?? null, p.ocr ? JSON.stringify(p.ocr) : null, p.label ?? null);
  const chunk = db.prepare("INSERT INTO kb_chunks(content_id, seq, text, pages, heading_path, tokens, page_starts, paragraphs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const fts = db.prepare("INSERT INTO kb_fts(rowid, body) VALUES (?, ?)");
  const table = x.vectors?.[0] ? vecTable(db, x.vectors[0].length) : null;
  x.chunks.forEach((c, i) => {
    const id = Number(chunk.run(contentId, i, c.text, JSON.stringify(c.pages), JSON.stringify(c.headingPath), c.tokens, JSON.stringify(c.pageStarts), JSON.stringify(c.paragraphs)).lastInsertRowid);
    fts.run(id, x.bodies?.[i] ?? ftsBody(d.title, c));
    const v = x.vectors?.[i];
    if (table && v) putVector(db, table, id, v);
  });
}

function insertContent(db: Db, sha256: string, x: Indexed): number {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO kb_contents(sha256, ${CONTENT_COLUMNS}) VALUES (${Array.from({ length: 17 }, () => "?").join(", ")})`)
    .run(sha256, ...contentValues(x));
  const contentId = Number(lastInsertRowid);
  insertParts(db, contentId, x);
  return contentId;
}

/**
 * Replaces a content's extraction in place, in one transaction (documents
 * keep pointing at the same content id): old pages, chunks, FTS rows and
 * vectors go, the new ones and the current extractor version come in.
 */
export function replaceContent(db: Db, contentId: number, x: Indexed): void {
  db.transaction(() => {
    purgeContentRows(db, contentId);
    db.prepare("DELETE FROM kb_chunks WHERE content_id = ?").run(contentId);
    db.prepare("DELETE FROM kb_pages WHERE content_id = ?").run(contentId);
    const sets = CONTENT_COLUMNS.split(", ").map((c) => `${c} = ?`).join(", ");
    db.prepare(`UPDATE kb_contents SET ${sets} WHERE id = ?`).run(...contentValues(x), contentId);
    insertParts(db, contentId, x);
    // Documents pointing at it follow its new OCR state.
    const needsOcr = (db.prepare("SELECT needs_ocr AS n FROM kb_contents WHERE id = ?").get(contentId) as { n: number }).n;
    db.prepare("UPDATE kb_documents SET status = ? WHERE content_id = ? AND status IN ('ready','needs_ocr')").run(statusOf(needsOcr), contentId);
  })();
}

/**
 * Indexes one file in ONE transaction: its content (or the identical content
 * already stored under the same sha256), the document row pointing at it,
 * and the removal of the content it replaced when nothing else uses it. A
 * crash leaves the file fully indexed or not at all.
 */
export function writeIndexed(db: Db, doc: DocumentRow, id: FileIdentity, x: Indexed | null): "ready" | "needs_ocr" {
  return db.transaction(() => {
    const existing = findContent(db, id.sha256);
    let contentId: number;
    // Extracted again with another OCR choice, or by a newer extractor: the new text replaces the old in place, for every document of these bytes.
    if (existing && x && ((x.ocrMode ?? "auto") !== existing.ocrMode || isStale(existing))) {
      replaceContent(db, existing.id, x);
      contentId = existing.id;
    } else if (existing) {
      contentId = existing.id;
    } else {
      if (!x) throw new Error("content missing for a new file");
      contentId = insertContent(db, id.sha256, x);
    }
    const status = statusOf(findContent(db, id.sha256)!.needsOcr);
    db.prepare("UPDATE kb_documents SET size = ?, mtime = ?, sha256 = ?, content_id = ?, status = ?, error = NULL, indexed_at = ? WHERE id = ?").run(
      id.size, id.mtime, id.sha256, contentId, status, Date.now(), doc.id,
    );
    if (doc.contentId !== null && doc.contentId !== contentId) dropContentIfUnused(db, doc.contentId);
    return status;
  })();
}

/** Vectors for a content made earlier by another model (or none): replaced in one transaction. */
export function writeVectors(db: Db, contentId: number, chunkIds: number[], vectors: Float32Array[], modelId: string): void {
  db.transaction(() => {
    const table = vectors[0] ? vecTable(db, vectors[0].length) : null;
    chunkIds.forEach((id, i) => {
      const v = vectors[i];
      if (table && v) putVector(db, table, id, v);
    });
    db.prepare("UPDATE kb_contents SET embed_model = ? WHERE id = ?").run(modelId, contentId);
  })();
}
