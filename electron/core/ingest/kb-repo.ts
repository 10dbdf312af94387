import { RpcError } from "../../common/rpc/wire";
import type { Db } from "../store/open-store";
import { deleteVectors } from "../search/vector";
import { checkpointVectorLog } from "../search/vector-index";

export interface BaseRow {
  id: number;
  name: string;
  createdAt: number;
  embedModel: string | null;
  needsReembed: boolean;
  watchPath: string | null;
  /** The watched folder's real path when it was set (symlinks resolved); null for one set before that was kept. */
  watchRealPath: string | null;
}

export type DocStatus = "queued" | "indexing" | "ready" | "failed" | "needs_ocr";

export interface DocumentRow {
  id: number;
  kbId: number;
  path: string;
  size: number | null;
  mtime: number | null;
  sha256: string | null;
  contentId: number | null;
  status: DocStatus;
  error: string | null;
  indexedAt: number | null;
  ocrMode: "auto" | "force" | "off";
  /** Where the file really was (symlinks resolved) when it was queued; null for documents added before that was kept. */
  realPath: string | null;
}

const BASE_COLS = "id, name, created_at AS createdAt, embed_model AS embedModel, needs_reembed AS needsReembed, watch_path AS watchPath, watch_real_path AS watchRealPath";
const DOC_COLS = "id, kb_id AS kbId, path, size, mtime, sha256, content_id AS contentId, status, error, indexed_at AS indexedAt, ocr_mode AS ocrMode, real_path AS realPath";

function toBase(r: (Omit<BaseRow, "needsReembed"> & { needsReembed: number }) | undefined): BaseRow | undefined {
  return r ? { ...r, needsReembed: !!r.needsReembed } : undefined;
}

export function validName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 100 || (/[/\\]/.test(n) || [...n].some((c) => c.charCodeAt(0) < 32))) throw new RpcError("INVALID_INPUT", "知识库名称不能为空，不超过 100 个字符，且不能包含 / 或 \\。");
  return n;
}

export function findBase(db: Db, name: string): BaseRow | undefined {
  return toBase(db.prepare(`SELECT ${BASE_COLS} FROM kb_bases WHERE name = ?`).get(name.trim()) as never);
}

export function requireBase(db: Db, name: string): BaseRow {
  const b = findBase(db, name);
  if (!b) throw new RpcError("NOT_FOUND", `找不到知识库“${name}”。请先用 govdesk kb create 创建，或检查名称。`);
  return b;
}

export function listBases(db: Db): BaseRow[] {
  return (db.prepare(`SELECT ${BASE_COLS} FROM kb_bases ORDER BY name`).all() as never[]).map((r) => toBase(r)!);
}

export function createBase(db: Db, name: string): BaseRow {
  const n = validName(name);
  if (findBase(db, n)) throw new RpcError("INVALID_INPUT", `知识库“${n}”已存在。`);
  db.prepare("INSERT INTO kb_bases(name, created_at) VALUES (?, ?)").run(n, Date.now());
  return findBase(db, n)!;
}

export function renameBase(db: Db, from: string, to: string): BaseRow {
  const base = requireBase(db, from);
  const n = validName(to);
  if (n !== base.name && findBase(db, n)) throw new RpcError("INVALID_INPUT", `知识库“${n}”已存在。`);
  db.prepare("UPDATE kb_bases SET name = ? WHERE id = ?").run(n, base.id);
  return findBase(db, n)!;
}

/** Deletes the base, its documents, and every content no other document uses. */
export function deleteBase(db: Db, name: string): void {
  const base = requireBase(db, name);
  db.transaction(() => {
    const contents = db.prepare("SELECT DISTINCT content_id AS id FROM kb_documents WHERE kb_id = ? AND content_id IS NOT NULL").all(base.id) as { id: number }[];
    db.prepare("DELETE FROM kb_documents WHERE kb_id = ?").run(base.id);
    db.prepare("DELETE FROM kb_bases WHERE id = ?").run(base.id);
    for (const c of contents) dropContentIfUnused(db, c.id);
  })();
  checkpointVectorLog(db);
}

export function getDocument(db: Db, kbId: number, path: string): DocumentRow | undefined {
  return db.prepare(`SELECT ${DOC_COLS} FROM kb_documents WHERE kb_id = ? AND path = ?`).get(kbId, path) as DocumentRow | undefined;
}

export function getDocumentById(db: Db, id: number): DocumentRow | undefined {
  return db.prepare(`SELECT ${DOC_COLS} FROM kb_documents WHERE id = ?`).get(id) as DocumentRow | undefined;
}

export function queuedDocuments(db: Db, kbId: number): DocumentRow[] {
  return db.prepare(`SELECT ${DOC_COLS} FROM kb_documents WHERE kb_id = ? AND status IN ('queued','indexing') ORDER BY id`).all(kbId) as DocumentRow[];
}

/**
 * Puts a path in the base's queue (the queue lives in the database, so a
 * restart resumes it), with where it really is now (the file read later
 * must still be that one); `ocrMode` also sets the document's OCR choice.
 */
export function enqueue(db: Db, kbId: number, path: string, ocrMode?: DocumentRow["ocrMode"], realPath: string | null = null): void {
  db.prepare(
    `INSERT INTO kb_documents(kb_id, path, status, ocr_mode, real_path) VALUES (?, ?, 'queued', COALESCE(?, 'auto'), ?)
     ON CONFLICT(kb_id, path) DO UPDATE SET status = 'queued', error = NULL, ocr_mode = COALESCE(?, ocr_mode), real_path = excluded.real_path`,
  ).run(kbId, path, ocrMode ?? null, realPath, ocrMode ?? null);
}

export function markFailed(db: Db, docId: number, error: string): void {
  db.prepare("UPDATE kb_documents SET status = 'failed', error = ?, indexed_at = ? WHERE id = ?").run(error, Date.now(), docId);
}

/** Removes the content's pages, chunks, FTS rows and vectors when no document points at it any more. */
export function dropContentIfUnused(db: Db, contentId: number): void {
  const used = db.prepare("SELECT 1 FROM kb_documents WHERE content_id = ? LIMIT 1").get(contentId);
  if (used) return;
  purgeContentRows(db, contentId);
  db.prepare("DELETE FROM kb_contents WHERE id = ?").run(contentId);
}

/** The FTS rows and vectors of a content's chunks (which, with its pages, go with the content row by cascade). */
export function purgeContentRows(db: Db, contentId: number): void {
  const chunkIds = db.prepare("SELECT id FROM kb_chunks WHERE content_id = ?").all(contentId) as { id: number }[];
  const delFts = db.prepare("DELETE FROM kb_fts WHERE rowid = ?");
  for (const { id } of chunkIds) delFts.run(id);
  deleteVectors(db, chunkIds.map((c) => c.id));
}

export function removeDocument(db: Db, docId: number): void {
  const doc = getDocumentById(db, docId);
  if (!doc) throw new RpcError("NOT_FOUND", "找不到该文档，可能已被移除。");
  db.transaction(() => {
    db.prepare("DELETE FROM kb_documents WHERE id = ?").run(docId);
    if (doc.contentId !== null) dropContentIfUnused(db, doc.contentId);
  })();
  checkpointVectorLog(db);
}

/** Bases installed from a knowledge pack are read-only: refuse changes to their documents. */
export function assertWritable(db: Db, kbId: number): void {
  const row = db.prepare("SELECT read_only AS ro, name FROM kb_bases WHERE id = ?").get(kbId) as { ro: number; name: string } | undefined;
  if (row?.ro) throw new RpcError("INVALID_INPUT", `知识库“${row.name}”来自知识包，是只读的：可以检索和提问，不能添加或删除文档。如需修改，请新建一个知识库。`);
}
