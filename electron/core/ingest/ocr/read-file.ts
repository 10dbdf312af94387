import type { OcrMode } from "../../../common/contracts/knowledge";
import { policyExtractLimits } from "../../security/services";
import type { CoreServices } from "../../services";
import { extractFile } from "../extract";
import type { ExtractedDocument } from "../types";
import { DEFAULT_LIMITS } from "../extract/limits";
import { sharedPool } from "../extract/pool";
import { needsOcrPass, type OcrProgress } from "./candidates";
import { defaultOcrThreads } from "./models";
import { ocrPolicySettings } from "./services";

/** The built-in extraction limits, narrowed by IT's policy. */
export function policyLimits(s: Pick<CoreServices, "policy">): typeof DEFAULT_LIMITS {
  return { ...DEFAULT_LIMITS, ...policyExtractLimits(s, DEFAULT_LIMITS) };
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
 * summarising from disk): read here first; a file with pages to OCR is read
 * again in an extraction worker thread (OCR never runs on the core's thread).
 */
export async function readFileWithOcr(s: Pick<CoreServices, "policy" | "dataDir">, path: string, o: ReadOptions = {}): Promise<ExtractedDocument> {
  const mode = o.mode ?? "auto";
  const settings = { ...ocrPolicySettings(s), mode, threads: defaultOcrThreads(1) };
  const off = settings.disabled || mode === "off";
  const limits = policyLimits(s);
  const plain = await extractFile(path, { limits, ...(off ? { ocr: settings } : {}), ...(o.signal ? { signal: o.signal } : {}) });
  if (off || !needsOcrPass(plain, settings)) return plain;
  return (await sharedPool(1, limits).prepare(path, o.signal, { settings, ...(o.onPage ? { onProgress: o.onPage } : {}) })).doc;
}
