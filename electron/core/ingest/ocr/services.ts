import { join } from "node:path";
import type { CoreServices } from "../../services";
import { requirePolicy } from "../../security/services";

/** The OCR cache of this data directory (`<data>/ocr-cache`): results by file hash, page by page. */
export function ocrCacheDir(s: Pick<CoreServices, "dataDir">): string {
  return join(s.dataDir, "ocr-cache");
}

/** IT's OCR policy and the cache folder, as ingestion and extraction take them. */
export function ocrPolicySettings(s: Pick<CoreServices, "policy" | "dataDir">): { disabled: boolean; maxPages?: number; cacheDir: string } {
  const p = requirePolicy(s).ocr;
  return { disabled: p.disabled, ...(p.maxPagesPerDocument !== undefined ? { maxPages: p.maxPagesPerDocument } : {}), cacheDir: ocrCacheDir(s) };
}
