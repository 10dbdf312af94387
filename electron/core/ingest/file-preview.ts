import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { KbPreview } from "../../common/contracts/knowledge";
import { RpcError } from "../../common/rpc/wire";
import type { Db } from "../store/open-store";
import { formatOf } from "./extract";
import { DEFAULT_LIMITS } from "./extract/limits";
import { sharedPool } from "./extract/pool";
import { getDocumentById } from "./kb-repo";
import type { ExtractedDocument } from "./types";

/** Largest file the page preview renders from its bytes (the rest show their text). */
export const MAX_PREVIEW_BYTES = 64 * 1024 * 1024;

/** The last few files previewed from disk, so paging through one does not extract it again each time. */
const cache = new Map<string, Promise<ExtractedDocument>>();
const CACHE_FILES = 3;

async function extractCached(path: string): Promise<ExtractedDocument> {
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new RpcError("NOT_FOUND", `找不到文件“${path}”，可能已被移走或删除。`);
  const key = `${path}\0${st.size}\0${st.mtimeMs}`;
  let doc = cache.get(key);
  if (!doc) {
    // In an extraction worker thread (heap-capped), never on the core's thread.
    doc = sharedPool(1, DEFAULT_LIMITS).extract(path);
    cache.set(key, doc);
    doc.catch(() => cache.delete(key));
    while (cache.size > CACHE_FILES) cache.delete(cache.keys().next().value!);
  }
  return doc;
}

/** A page of a file on disk (a summary made from a file, not a knowledge base); its text layer only, OCR runs when a file is indexed. */
export async function previewFile(path: string, page: number): Promise<KbPreview> {
  const doc = await extractCached(path);
  const pageCount = Math.max(1, doc.pages.length);
  const p = Math.min(Math.max(1, page), pageCount);
  const found = doc.pages.find((x) => x.page === p);
  return { documentId: null, path, title: doc.title || basename(path), format: doc.format, page: p, pageCount, text: found?.text ?? "", needsOcr: !!found?.needsOcr, source: found?.source ?? "text", ocr: null };
}

/**
 * The bytes of a knowledge-base document or a chosen file, for the renderer
 * to draw its pages. A document whose file has moved since it was indexed
 * cannot be drawn; the preview then shows the text the index kept.
 */
export async function fileData(db: Db, target: { documentId: number } | { path: string }): Promise<{ format: string | null; size: number; base64: string }> {
  let path: string;
  if ("documentId" in target) {
    const doc = getDocumentById(db, target.documentId);
    if (!doc) throw new RpcError("NOT_FOUND", "找不到该文档，可能已被移除。");
    path = doc.path;
  } else {
    path = target.path;
  }
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new RpcError("NOT_FOUND", `原文件已不在“${path}”，无法显示原页面，下面显示索引中保存的文字。`);
  if (st.size > MAX_PREVIEW_BYTES) {
    throw new RpcError("UNAVAILABLE", `文件太大（${(st.size / 1024 / 1024).toFixed(0)} MB），无法显示原页面，下面显示提取的文字。`);
  }
  const bytes = await readFile(path);
  return { format: formatOf(path), size: bytes.length, base64: bytes.toString("base64") };
}
