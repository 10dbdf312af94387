import type { Db } from "../store/open-store";
import { putVector, vecTable } from "../search/vector";
import { dropContentIfUnused, type DocumentRow } from "./kb-repo";
import { ftsBody } from "./prepare";
import type { OcrMode } from "../../common/contracts/knowledge";
import { purgeContentRows } from "./kb-repo";
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
}

export function findContent(db: Db, sha256: string): { id: number; embedModel: string | null; needsOcr: number; ocrMode: OcrMode } | undefined {
  return db.prepare("SELECT id, embed_model AS embedModel, needs_ocr AS needsOcr, ocr_mode AS ocrMode FROM kb_contents WHERE sha256 = ?").get(sha256) as never;
}

function statusOf(needsOcr: number): "ready" | "needs_ocr" {
  return needsOcr ? "needs_ocr" : "ready";
}

function insertContent(db: Db, sha256: string, x: Indexed): number {
  const d = x.doc;
  const needsOcr = d.pages.length > 0 && d.pages.every((p) => p.needsOcr) ? 1 : 0;
  const ocr = d.pages.filter((p) => p.source === "ocr");
  const ocrConfidence = ocr.length ? ocr.reduce((s, p) => s + (p.confidence ?? 0), 0) / ocr.length : null;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO kb_contents(sha256, format, title, meta, warnings, page_count, chunk_count, needs_ocr, issuer, doc_number, doc_date, embed_model, ocr_pages, ocr_confidence, ocr_mode)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(sha256, d.format, d.title, JSON.stringify(d.meta), JSON.stringify(d.warnings), d.pages.length, x.chunks.length, needsOcr, d.meta.issuer ?? null, d.meta.docNumber ?? null, d.meta.date ?? null, x.vectors ? (x.modelId ?? null) : null, ocr.length, ocrConfidence, x.ocrMode ?? "auto");
  const contentId = Number(lastInsertRowid);
  const page = db.prepare("INSERT INTO kb_pages(content_id, page, text, needs_ocr, source, confidence, ocr) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const p of d.pages) page.run(contentId, p.page, p.text, p.needsOcr ? 1 : 0, p.source ?? "text", p.confidence ?? null, p.ocr ? JSON.stringify(p.ocr) : null);
  const chunk = db.prepare("INSERT INTO kb_chunks(content_id, seq, text, pages, heading_path, tokens) VALUES (?, ?, ?, ?, ?, ?)");
  const fts = db.prepare("INSERT INTO kb_fts(rowid, body) VALUES (?, ?)");
  const table = x.vectors?.[0] ? vecTable(db, x.vectors[0].length) : null;
  x.chunks.forEach((c, i) => {
    const id = Number(chunk.run(contentId, i, c.text, JSON.stringify(c.pages), JSON.stringify(c.headingPath), c.tokens).lastInsertRowid);
    fts.run(id, x.bodies?.[i] ?? ftsBody(d.title, c));
    const v = x.vectors?.[i];
    if (table && v) putVector(db, table, id, v);
  });
  return contentId;
}

/**
 * Indexes one file in ONE transaction: its content (or the identical content
 * already stored under the same sha256), the document row pointing at it,
 * and the removal of the content it replaced when nothing else uses it. A
 * crash leaves the file fully indexed or not at all.
 */
export function writeIndexed(db: Db, doc: DocumentRow, id: FileIdentity, x: Indexed | null): "ready" | "needs_ocr" {
  return db.transaction(() => {
    let existing = findContent(db, id.sha256);
    // Extracted again with another OCR choice: the new text replaces the old for every document of these bytes.
    if (existing && x && (x.ocrMode ?? "auto") !== existing.ocrMode) {
      const old = existing.id;
      purgeContentRows(db, old);
      db.prepare("UPDATE kb_contents SET sha256 = ? WHERE id = ?").run(`replaced:${old}`, old);
      const fresh = insertContent(db, id.sha256, x);
      db.prepare("UPDATE kb_documents SET content_id = ? WHERE content_id = ?").run(fresh, old);
      db.prepare("DELETE FROM kb_contents WHERE id = ?").run(old);
      existing = findContent(db, id.sha256);
    }
    let contentId: number;
    let needsOcr: number;
    if (existing) {
      contentId = existing.id;
      needsOcr = existing.needsOcr;
    } else {
      if (!x) throw new Error("content missing for a new file");
      contentId = insertContent(db, id.sha256, x);
      needsOcr = findContent(db, id.sha256)!.needsOcr;
    }
    const status = statusOf(needsOcr);
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
