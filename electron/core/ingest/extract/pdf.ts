import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ExtractedPage } from "../types";
import { cleanText } from "./hygiene";
import { layoutPage } from "./layout";
import type { TextBox } from "./layout/types";
import { extractError, type ExtractLimits } from "./limits";
import { geometry, looksTabular, pageRulings, textBoxes } from "./pdf-geometry";
import { hasInkToRead } from "./pdf-ink";

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdfjs-dist's own folders: CMaps and standard fonts ship in the package, so this stays offline. */
export function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
}

/**
 * How GovDesk opens every PDF with pdfjs (text extraction, OCR's page images):
 * CMaps and fonts from the package, no eval, glyphs drawn by pdfjs itself
 * (there is no DOM to load font faces into), no console noise.
 */
export function pdfDocumentOptions(data: Uint8Array) {
  return { data, ...pdfjsAssets(), cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 };
}

/**
 * Built-ins that pdfjs-dist's legacy build (the one for Node) replaces for
 * the whole thread: its core-js polyfills swap in JavaScript versions where
 * this V8 fails a conformance check that neither pdfjs nor we depend on.
 * The polyfilled Array.prototype.push alone was 11–14 % of an extraction
 * thread's time. What pdfjs adds (Promise.withResolvers, …) stays.
 */
const RESTORED: readonly [object, string][] = [
  [Array.prototype, "push"],
  [JSON, "parse"],
  [JSON, "stringify"],
  [Function.prototype, "toString"],
];

/** pdfjs and its worker half (run in this thread, as pdfjs does in Node), with the built-ins above put back once both have loaded. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const saved = RESTORED.map(([o, k]) => Object.getOwnPropertyDescriptor(o, k)!);
    try {
      const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      return lib;
    } finally {
      RESTORED.forEach(([o, k], i) => Object.defineProperty(o, k, saved[i]!));
    }
  })();
  return pdfjs;
}

/**
 * Whether a page's text layer is unusable, so that the page needs OCR. Today:
 * no text at all (a scan). The one place to add other tests (a text layer
 * whose fonts map to the wrong characters).
 */
export function noUsableTextLayer(boxes: readonly TextBox[]): boolean {
  return !boxes.some((b) => b.text.trim());
}

/**
 * A page's text layer as text, laid out as extractPdf does (no rulings), from
 * pdfjs text items in PDF space (y up): for comparisons such as bench/ocr.
 */
export function itemsToText(items: readonly { str: string; transform: number[]; width: number }[], viewport: { transform: number[] } = { transform: [1, 0, 0, -1, 0, 0] }): string {
  return cleanText(layoutPage(geometry(0, 0, textBoxes(items, viewport))));
}

/**
 * Text per page in reading order (layout by geometry: columns, paragraphs,
 * ruled tables as rows); pages with no usable text layer but something drawn
 * on them (a scan) are flagged needsOcr, blank pages are left empty.
 */
export async function extractPdf(path: string, limits: ExtractLimits, signal?: AbortSignal): Promise<{ pages: ExtractedPage[]; info: Record<string, string> }> {
  const lib = await loadPdfJs();
  const data = new Uint8Array(await readFile(path));
  const task = lib.getDocument(pdfDocumentOptions(data));
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "PasswordException") throw extractError(`PDF 文件已加密（需要密码），无法读取：${path}。请先解除密码保护。`, String(e));
    throw extractError(`PDF 文件已损坏或不是有效的 PDF：${path}`, String(e));
  }
  try {
    const pages: ExtractedPage[] = [];
    const n = Math.min(doc.numPages, limits.maxPages);
    for (let i = 1; i <= n; i++) {
      if (signal?.aborted) break;
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const boxes = textBoxes(content.items.flatMap((it) => ("str" in it ? [it] : [])), viewport);
      if (noUsableTextLayer(boxes)) {
        // Only a page with something drawn to read (a scan, unmapped glyphs, text as outlines) needs OCR; a blank page stays empty.
        const ink = await hasInkToRead(lib, page).catch(() => true);
        pages.push(ink ? { page: i, text: "", needsOcr: true } : { page: i, text: "" });
      } else {
        // Rulings cost a second pass over the page: only where the text looks like a table or form.
        const rulings = looksTabular(boxes) ? await pageRulings(lib, page, viewport).catch(() => undefined) : undefined;
        pages.push({ page: i, text: layoutPage(geometry(viewport.width, viewport.height, boxes, rulings)) });
      }
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    const infoRaw = (meta?.info ?? {}) as Record<string, unknown>;
    const info: Record<string, string> = {};
    for (const k of ["Title", "Author", "Creator", "Producer"]) if (typeof infoRaw[k] === "string" && infoRaw[k]) info[k] = infoRaw[k] as string;
    if (doc.numPages > n) info["truncatedAt"] = String(n);
    return { pages, info };
  } finally {
    await doc.destroy();
  }
}
