import type { OcrMode } from "../../../common/contracts/knowledge";
import { policyExtractLimits, policyHeapMb } from "../../security/services";
import type { CoreServices } from "../../services";
import type { ExtractedDocument } from "../types";
import { DEFAULT_LIMITS } from "../extract/limits";
import { sharedPool } from "../extract/pool";
import type { OcrProgress } from "./candidates";
import { defaultOcrThreads } from "./models";
import { ocrPolicySettings } from "./services";

/** The built-in extraction limits, narrowed by IT's policy. */
export function policyLimits(s: Pick<CoreServices, "policy">): typeof DEFAULT_LIMITS {
  return { ...DEFAULT_LIMITS, ...policyExtractLimits(s, DEFAULT_LIMITS) };
}

/**
 * IT's limits for a batch of extraction (ingestPaths, reextractStale): file
 * size and pages, and each thread's heap cap. One value for every path that
 * ingests, so none passes one without the other.
 */
export function policyExtraction(s: Pick<CoreServices, "policy">): { limits: typeof DEFAULT_LIMITS; heapMb: number | undefined } {
  return { limits: policyLimits(s), heapMb: policyHeapMb(s) };
}

export interface ReadOptions {
  /** The user's choice (default auto); IT's ocr.disabled overrides it. */
  mode?: OcrMode;
  signal?: AbortSignal;
  /** Each page OCR read (or took from the cache): "正在识别第 3/9 页". */
  onPage?: (p: OcrProgress) => void;
}

/**
 * A file read as the user sees it outside a knowledge base (kb.extract,
 * summarising from disk): in an extraction worker thread (heap-capped, OCR
 * where pages need it), never on the core's thread, so one heavy or hostile
 * file cannot stall the core's other calls.
 */
export async function readFileWithOcr(s: Pick<CoreServices, "policy" | "dataDir">, path: string, o: ReadOptions = {}): Promise<ExtractedDocument> {
  const settings = { ...ocrPolicySettings(s), mode: o.mode ?? "auto", threads: defaultOcrThreads(1) };
  return sharedPool(1, policyLimits(s), policyHeapMb(s)).extract(path, o.signal, { settings, ...(o.onPage ? { onProgress: o.onPage } : {}) });
}
