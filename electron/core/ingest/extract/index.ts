import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { ExtractedDocument, ExtractedPage } from "../types";
import { cleanPages } from "./hygiene";
import { checkFile, extractError, resolveLimits, withLimits, type ExtractLimits, type ExtractOptions } from "./limits";
import { recogniseMeta } from "./meta";

export type { ExtractLimits, ExtractOptions } from "./limits";
export type Format = ExtractedDocument["format"];

/**
 * Bumped whenever extraction output changes (text, pages, metadata), so that
 * knowledge bases re-extract documents indexed by an older extractor.
 * 1: the first extractors. 2: piece-table .doc, own DOCX reader with list
 * numbering, PDF/OFD layout by geometry, text hygiene, 公文 metadata with sources.
 */
export const EXTRACTOR_VERSION = 2;

const BY_EXT: Record<string, Format> = {
  ".pdf": "pdf", ".ofd": "ofd", ".docx": "docx", ".doc": "doc", ".wps": "wps", ".xlsx": "xlsx",
  ".html": "html", ".htm": "html", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".csv": "txt",
  // Scans saved as pictures: read by OCR (ocr/).
  ".jpg": "image", ".jpeg": "image", ".png": "image", ".tif": "image", ".tiff": "image", ".bmp": "image",
};

/** The format the file's name says, or null when GovDesk cannot read it. */
export function formatOf(path: string): Format | null {
  return BY_EXT[extname(path).toLowerCase()] ?? null;
}

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXT);

async function magic(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const b = Buffer.alloc(8);
    await fh.read(b, 0, 8, 0);
    return b;
  } finally {
    await fh.close();
  }
}

interface Raw {
  pages: ExtractedPage[];
  /** False when the format has no fixed pages. */
  paged: boolean;
  /** A title from the content (HTML <title>). */
  title?: string;
  /** The document-properties title. */
  propertiesTitle?: string;
  extra?: Record<string, string>;
}

async function docx(path: string, limits: ExtractLimits): Promise<Raw> {
  const r = await (await import("./docx")).extractDocx(path, limits);
  return { pages: r.pages, paged: r.paged, ...(r.title ? { propertiesTitle: r.title } : {}) };
}

/** Each format's module loads on first use: a worker that reads only PDFs never parses exceljs. */
async function dispatch(format: Format, path: string, limits: ExtractLimits, signal?: AbortSignal): Promise<Raw> {
  switch (format) {
    case "pdf": {
      const r = await (await import("./pdf")).extractPdf(path, limits, signal);
      return { pages: r.pages, paged: true, extra: r.info, ...(r.info["Title"] ? { propertiesTitle: r.info["Title"] } : {}) };
    }
    case "ofd": {
      const r = await (await import("./ofd")).extractOfd(path, limits);
      return { pages: r.pages, paged: true, ...(r.title ? { propertiesTitle: r.title } : {}) };
    }
    case "docx":
      return docx(path, limits);
    case "doc":
    case "wps": {
      // WPS and mislabelled files: a zip inside is really DOCX.
      const m = await magic(path);
      if (m[0] === 0x50 && m[1] === 0x4b) return docx(path, limits);
      const r = await (await import("./doc")).extractDoc(path);
      return { pages: r.pages, paged: false, ...(r.title ? { propertiesTitle: r.title } : {}) };
    }
    case "xlsx":
      return { pages: await (await import("./xlsx")).extractXlsx(path, limits), paged: true };
    case "html": {
      const r = await (await import("./html")).extractHtml(path);
      return { pages: r.pages, paged: false, ...(r.title ? { title: r.title, propertiesTitle: r.title } : {}) };
    }
    case "txt":
    case "md": {
      const r = await (await import("./txt")).extractTxt(path);
      // Form feeds (pdftotext output, printed reports) are real page breaks.
      return { pages: r.pages, paged: r.pages.length > 1, extra: { encoding: r.encoding } };
    }
    case "image":
      return { ...(await (await import("../ocr/image-pages")).imagePages(path, limits)), paged: true };
  }
}

/**
 * Reads any supported document into the common shape: pages of clean text
 * (hygiene for every format), 公文 metadata with its sources, warnings.
 * Refuses missing, empty, oversized, corrupt and encrypted files with a
 * Chinese message naming the file.
 */
export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const limits = resolveLimits(opts);
  const format = formatOf(path);
  if (!format) throw extractError(`不支持的文件类型：${path}（支持 ${SUPPORTED_EXTENSIONS.join(" ")}）`);
  await checkFile(path, limits);
  const raw = await withLimits(dispatch(format, path, limits, opts.signal), limits, path, opts.signal);
  const warnings: string[] = [];
  // OCR only where the caller asks for it (the extraction worker threads), never on the core's thread.
  if (opts.ocr) {
    const { applyOcr } = await import("../ocr/apply");
    const done = await applyOcr(path, format, raw.pages, opts.ocr, { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onOcrProgress ? { onProgress: opts.onOcrProgress } : {}) });
    raw.pages = done.pages;
    warnings.push(...done.warnings);
  }
  // Hygiene after OCR: every page's text, whichever way it was read.
  const pages = cleanPages(raw.pages);
  const ocr = pages.filter((p) => p.needsOcr).map((p) => p.page);
  if (ocr.length) warnings.push(`第 ${ocr.join("、")} 页没有文字层（可能是扫描件），需要 OCR`);
  if (raw.extra?.["truncatedAt"]) warnings.push(`页数过多，只读取了前 ${raw.extra["truncatedAt"]} 页`);
  if (pages.every((p) => !p.text.trim()) && !ocr.length) warnings.push("文件中没有可读取的文字");
  const meta = recogniseMeta(pages, raw.propertiesTitle ? { propertiesTitle: raw.propertiesTitle } : {});
  if (raw.extra?.["encoding"]) meta.encoding = raw.extra["encoding"];
  const title = meta.title ?? raw.title ?? basename(path, extname(path));
  return { format, title, pages, meta, warnings, paged: raw.paged };
}
