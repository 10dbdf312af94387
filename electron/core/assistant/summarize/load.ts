import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { SummarySource } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import { previewPage } from "../../ingest/kb-queries";
import type { OcrProgress } from "../../ingest/ocr/candidates";
import { readFileWithOcr } from "../../ingest/ocr/read-file";
import type { ExtractedPage } from "../../ingest/types";
import type { CoreServices } from "../../services";

export interface LoadedDocument {
  title: string;
  path: string;
  documentId?: number;
  pages: ExtractedPage[];
  /** False: no fixed pages (DOC, most DOCX, TXT): points are not labelled with a page. */
  paged: boolean;
  warnings: string[];
}

/**
 * A document to summarise: the pages a knowledge base stored, or read from
 * disk as kb.extract reads it (a scan or an image OCR'd in an extraction
 * worker thread, unless IT's policy turns OCR off), each OCR'd page reported.
 */
export async function loadSource(s: CoreServices, source: SummarySource, signal?: AbortSignal, onOcrPage?: (p: OcrProgress) => void): Promise<LoadedDocument> {
  if ("path" in source) {
    if ((await stat(source.path).catch(() => null))?.isDirectory()) {
      throw new RpcError("INVALID_INPUT", `“${source.path}”是文件夹，请选择其中的文件；要摘要一批文件，可先加入知识库。`);
    }
    // In an extraction worker thread (heap-capped), so a heavy file cannot stall the core's other calls.
    const doc = await readFileWithOcr(s, source.path, { ...(signal ? { signal } : {}), ...(onOcrPage ? { onPage: onOcrPage } : {}) });
    return { title: doc.title || basename(source.path), path: source.path, pages: doc.pages, paged: doc.paged, warnings: doc.warnings };
  }
  const first = previewPage(s.store.db, source.documentId, 1);
  const pages: ExtractedPage[] = [{ page: 1, text: first.text, ...(first.needsOcr ? { needsOcr: true } : {}) }];
  for (let p = 2; p <= first.pageCount; p++) {
    if (signal?.aborted) throw signal.reason;
    const page = previewPage(s.store.db, source.documentId, p);
    pages.push({ page: p, text: page.text, ...(page.needsOcr ? { needsOcr: true } : {}) });
  }
  return { title: first.title, path: first.path, documentId: source.documentId, pages, paged: first.paged !== false, warnings: [] };
}

/** Refuses a document with no text at all, naming it and saying why. */
export function requireText(doc: LoadedDocument): void {
  if (doc.pages.some((p) => p.text.trim().length > 0)) return;
  const scanned = doc.pages.some((p) => p.needsOcr);
  throw new RpcError(
    "INVALID_INPUT",
    scanned ? `“${doc.path}”没有文字层（可能是扫描件），需要先做 OCR 才能摘要。` : `“${doc.path}”中没有可读取的文字，无法摘要。`,
  );
}
