import { stat } from "node:fs/promises";
import { RpcError } from "../../../common/rpc/wire";
import type { OcrProgress, OcrSettings } from "../ocr/candidates";
import { untilAborted } from "../../rpc/until-aborted";

/** Size and time limits every extractor honours. */
export interface ExtractLimits {
  /** Largest input file accepted, bytes. */
  maxFileBytes: number;
  /** Largest total of uncompressed entries read from a zip container (DOCX, XLSX, OFD), bytes. */
  maxUnzippedBytes: number;
  /** Wall-clock limit for one file, ms. */
  timeoutMs: number;
  /** Most pages read from a paged document. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUnzippedBytes: 512 * 1024 * 1024,
  timeoutMs: 120_000,
  maxPages: 5000,
};

// Defined beside the code that starts the threads, which must load before anything heavy.
export { EXTRACT_HEAP_MB } from "./worker-start";

export interface ExtractOptions {
  signal?: AbortSignal;
  limits?: Partial<ExtractLimits>;
  /** OCR pages that need it (ocr/apply.ts); absent: no OCR, such pages are flagged needsOcr. */
  ocr?: OcrSettings;
  onOcrProgress?: (p: OcrProgress) => void;
}

/** A file-level extraction failure: the message is what the user sees. */
export function extractError(message: string, detail?: string): RpcError {
  return new RpcError("INVALID_INPUT", message, detail);
}

export function resolveLimits(opts?: ExtractOptions): ExtractLimits {
  return { ...DEFAULT_LIMITS, ...(opts?.limits ?? {}) };
}

/** Stats the file and refuses it before reading when it is missing, not a file, or too large. */
export async function checkFile(path: string, limits: ExtractLimits): Promise<number> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw extractError(`不是文件：${path}`);
    size = st.size;
  } catch (e) {
    if (e instanceof RpcError) throw e;
    throw extractError(`找不到文件或无法读取：${path}`, String(e));
  }
  if (size === 0) throw extractError(`文件为空：${path}`);
  if (size > limits.maxFileBytes) {
    throw extractError(
      `文件过大（${mb(size)} MB，上限 ${mb(limits.maxFileBytes)} MB），未读取：${path}。请拆分文件后再添加。`,
    );
  }
  return size;
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

/** Races work against the time limit and the caller's signal. */
export async function withLimits<T>(work: Promise<T>, limits: ExtractLimits, path: string, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(extractError(`读取超时（超过 ${Math.round(limits.timeoutMs / 1000)} 秒）：${path}`)), limits.timeoutMs);
  });
  try {
    return await Promise.race([untilAborted(work, signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
