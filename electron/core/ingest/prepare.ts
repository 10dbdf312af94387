import { segmentForIndex } from "../search/segment";
import { chunkPages } from "./chunk";
import { extractFile } from "./extract";
import type { ExtractLimits } from "./extract/limits";
import type { OcrProgress, OcrSettings } from "./ocr/candidates";
import type { z } from "zod";
import type { Chunk } from "./types";
import type { PreparedSchema } from "./extract/extract-contract";

export const CHUNK_OPTIONS = { targetTokens: 400, overlapTokens: 60 };

/** A file made ready for the index; `bodies` are segmentForIndex of each chunk (with title and heading path), same order. */
export type Prepared = z.infer<typeof PreparedSchema>;

/** What the FTS column holds for a chunk: title and heading path help short queries find the right document. */
export function ftsBody(title: string, c: Chunk): string {
  return segmentForIndex(`${title}\n${c.headingPath.join(" ")}\n${c.text}`);
}

/** OCR for one file: the settings, and who hears of each page read. */
export interface PrepareOcr {
  settings: OcrSettings;
  onProgress?: (p: OcrProgress) => void;
}

/** All the CPU work for one file; runs in a worker thread so the main thread only writes. */
export async function prepareFile(path: string, limits?: Partial<ExtractLimits>, signal?: AbortSignal, ocr?: PrepareOcr): Promise<Prepared> {
  const doc = await extractFile(path, {
    ...(limits ? { limits } : {}),
    ...(signal ? { signal } : {}),
    ...(ocr ? { ocr: ocr.settings, ...(ocr.onProgress ? { onOcrProgress: ocr.onProgress } : {}) } : {}),
  });
  const chunks = chunkPages(doc.pages, CHUNK_OPTIONS);
  return { doc, chunks, bodies: chunks.map((c) => ftsBody(doc.title, c)) };
}
