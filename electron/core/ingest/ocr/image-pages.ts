import type { ExtractLimits } from "../extract/limits";
import type { ExtractedPage } from "../types";
import { openImageFile } from "./image-file";

/** An image file as extracted pages: one per image (a TIFF may hold many), all waiting for OCR. */
export async function imagePages(path: string, limits: ExtractLimits): Promise<{ pages: ExtractedPage[]; extra?: Record<string, string> }> {
  const doc = await openImageFile(path);
  const n = Math.min(doc.count, limits.maxPages);
  const pages = Array.from({ length: n }, (_, i) => ({ page: i + 1, text: "", needsOcr: true }));
  return doc.count > n ? { pages, extra: { truncatedAt: String(n) } } : { pages };
}
