import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { RpcError } from "../../../common/rpc/wire";
import { requireBase } from "../../ingest/kb-repo";
import type { Db } from "../../store/open-store";
import { openWriteTarget } from "../paths/write-target";
import { encodeVector, PACK_FORMAT, PACK_VERSION, sha256, type PackDocument, type PackHeader } from "./format";

interface ContentRow {
  docPath: string;
  size: number | null;
  mtime: number | null;
  id: number;
  sha256: string;
  format: PackDocument["format"];
  title: string;
  meta: string;
  warnings: string;
  embedModel: string | null;
  paged: number;
  extractorVersion: number;
}

/**
 * Writes the base's ready documents into a pack, one document at a time
 * (memory stays flat), through a write target (paths/write-target.ts): a
 * failed export never leaves a half file under the real name, and never
 * writes through a link planted beside it.
 */
export async function exportPack(db: Db, baseName: string, file: string): Promise<{ documents: number; packId: string; embedModel: string | null }> {
  const base = requireBase(db, baseName);
  const rows = db
    .prepare(
      `SELECT d.path AS docPath, d.size, d.mtime, c.id, c.sha256, c.format, c.title, c.meta, c.warnings, c.embed_model AS embedModel, c.paged, c.extractor_version AS extractorVersion
         FROM kb_documents d JOIN kb_contents c ON c.id = d.content_id
        WHERE d.kb_id = ? AND d.status IN ('ready', 'needs_ocr') ORDER BY d.path`,
    )
    .all(base.id) as ContentRow[];
  if (!rows.length) throw new RpcError("INVALID_INPUT", `知识库“${base.name}”中没有已索引的文档，无法导出知识包。`);
  // One embedding model for the whole pack; documents embedded by another are exported without vectors.
  const embedModel = base.embedModel;
  const dimension = embedModel ? vectorDimension(db, rows.find((r) => r.embedModel === embedModel)?.id) : null;
  const header: PackHeader = {
    type: "header", format: PACK_FORMAT, version: PACK_VERSION, packId: randomUUID(), base: base.name,
    createdAt: new Date().toISOString(), embedModel: dimension ? embedModel : null, embedDimension: dimension, documents: rows.length,
  };
  const target = await openWriteTarget(file);
  const gzip = createGzip();
  const out = gzip.pipe(target.stream());
  const hashes: string[] = [];
  const write = async (obj: object) => {
    const line = JSON.stringify(obj);
    hashes.push(sha256(line));
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    await write(header);
    for (const row of rows) await write(documentOf(db, row, header.embedModel ? dimension : null, header.embedModel));
    gzip.end(`${JSON.stringify({ type: "manifest", parts: hashes })}\n`);
    await once(out, "finish");
    await target.commit();
  } catch (e) {
    gzip.destroy();
    await target.abort();
    if (e instanceof RpcError) throw e;
    throw new RpcError("UNAVAILABLE", `无法写入知识包 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
  return { documents: rows.length, packId: header.packId, embedModel: header.embedModel };
}

function vectorDimension(db: Db, contentId: number | undefined): number | null {
  if (contentId === undefined) return null;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'kb_vecf_[0-9]*'").all() as { name: string }[];
  for (const { name } of tables) {
    const hit = db.prepare(`SELECT 1 FROM ${name} WHERE id = (SELECT id FROM kb_chunks WHERE content_id = ? LIMIT 1)`).get(contentId);
    if (hit) return Number(name.slice("kb_vecf_".length));
  }
  return null;
}

function documentOf(db: Db, row: ContentRow, dimension: number | null, embedModel: string | null): PackDocument {
  const pages = db.prepare("SELECT page, text, needs_ocr AS needsOcr, label FROM kb_pages WHERE content_id = ? ORDER BY page").all(row.id) as { page: number; text: string; needsOcr: number; label: string | null }[];
  const chunks = db.prepare("SELECT id, text, pages, heading_path AS headingPath, tokens, page_starts AS pageStarts, paragraphs FROM kb_chunks WHERE content_id = ? ORDER BY seq").all(row.id) as {
    id: number; text: string; pages: string; headingPath: string; tokens: number; pageStarts: string | null; paragraphs: string | null;
  }[];
  const doc: PackDocument = {
    type: "document", path: row.docPath, sha256: row.sha256, size: row.size ?? 0, mtime: row.mtime ?? 0, format: row.format,
    title: row.title, meta: JSON.parse(row.meta) as PackDocument["meta"], warnings: JSON.parse(row.warnings) as string[],
    paged: row.paged !== 0, extractorVersion: row.extractorVersion,
    pages: pages.map((p) => ({ page: p.page, text: p.text, ...(p.needsOcr ? { needsOcr: true } : {}), ...(p.label ? { label: p.label } : {}) })),
    chunks: chunks.map((c) => ({
      text: c.text, pages: JSON.parse(c.pages) as number[], headingPath: JSON.parse(c.headingPath) as string[], tokens: c.tokens,
      ...(c.pageStarts ? { pageStarts: JSON.parse(c.pageStarts) as { offset: number; page: number }[] } : {}),
      ...(c.paragraphs ? { paragraphs: JSON.parse(c.paragraphs) as [number, number] } : {}),
    })),
  };
  if (dimension && row.embedModel === embedModel) {
    const get = db.prepare(`SELECT embedding FROM kb_vecf_${dimension} WHERE id = ?`);
    const vectors = chunks.map((c) => (get.get(c.id) as { embedding: Buffer } | undefined)?.embedding);
    if (vectors.every((v): v is Buffer => v !== undefined)) {
      doc.vectors = vectors.map((b) => encodeVector(new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))));
    }
  }
  return doc;
}
