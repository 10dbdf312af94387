import type { OcrMode } from "../../../common/contracts/knowledge";
import type { Format } from "../extract";
import type { ExtractedPage } from "../types";
import { checkTextLayer } from "./garbled";

// Light on purpose: the core's thread decides with this whether a file needs OCR; the engine loads only in workers.

/** What OCR may do for one document: the user's choice, and IT's policy. */
export interface OcrSettings {
  mode: OcrMode;
  /** Policy: OCR switched off for everyone. */
  disabled?: boolean;
  /** Policy: at most this many pages of one document are OCR'd. */
  maxPages?: number;
  /** Where results are cached by file hash (none: no cache). */
  cacheDir?: string | null;
  /** ONNX Runtime threads for this worker. */
  threads?: number;
}

/** One page read (or taken from the cache): the 3 of "正在识别第 3/9 页". */
export interface OcrProgress {
  page: number;
  done: number;
  total: number;
}

export type Why = "no-text" | "garbled" | "suspect" | "forced";

const FORMATS_WITH_PAGE_IMAGES = new Set<Format>(["pdf", "image", "ofd", "docx"]);

/**
 * Pages that OCR should read, and why: no text (flagged needsOcr by the
 * extractor when something is drawn on the page; a blank page is read only
 * when forced), a garbled or doubtful text layer, or the user's "force". OFD
 * and DOCX pages are drawn from their images only, so only their pages
 * without text (a scanned page, a scan pasted into Word) are candidates.
 */
export function ocrCandidates(format: Format, pages: ExtractedPage[], mode: OcrMode): { page: number; why: Why }[] {
  if (mode === "off" || !FORMATS_WITH_PAGE_IMAGES.has(format)) return [];
  return pages.flatMap((p): { page: number; why: Why }[] => {
    // A DOCX page is read by OCR only when it holds pictures and no text (a scan pasted into Word).
    if (format === "docx" && !p.needsOcr) return [];
    if (p.needsOcr) return [{ page: p.page, why: "no-text" }];
    if (format === "ofd") return [];
    if (mode === "force") return [{ page: p.page, why: "forced" }];
    // Empty and not flagged: the extractor found nothing drawn on it to read (a blank PDF page).
    if (!p.text.trim()) return [];
    const v = checkTextLayer(p.text).verdict;
    return v === "ok" ? [] : [{ page: p.page, why: v }];
  });
}

/** Whether a document read without OCR has pages OCR would read with these settings (then it goes to a worker thread). */
export function needsOcrPass(doc: { format: Format; pages: ExtractedPage[] }, settings: Pick<OcrSettings, "mode" | "disabled">): boolean {
  return ocrCandidates(doc.format, doc.pages, settings.disabled ? "off" : settings.mode).length > 0;
}
