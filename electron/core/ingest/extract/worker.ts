import { parentPort } from "node:worker_threads";
import { prepareFile } from "../prepare";
import type { OcrSettings } from "../ocr/candidates";
import type { ExtractLimits } from "./limits";

/**
 * Worker-thread side of the extraction pool: extract, chunk and segment one
 * file at a time; errors sent back as data. With `ocr`, each page OCR reads
 * is reported as `{id, progress}` before the final `{id, ok, …}`.
 */
export interface WorkerRequest {
  id: number;
  path: string;
  limits?: Partial<ExtractLimits>;
  ocr?: OcrSettings;
}

parentPort?.on("message", (req: WorkerRequest) => {
  const ocr = req.ocr ? { settings: req.ocr, onProgress: (progress: unknown) => parentPort?.postMessage({ id: req.id, progress }) } : undefined;
  prepareFile(req.path, req.limits, undefined, ocr).then(
    (prepared) => parentPort?.postMessage({ id: req.id, ok: true, prepared }),
    (e: unknown) => {
      const err = e as { code?: string; message?: string; detail?: string };
      parentPort?.postMessage({ id: req.id, ok: false, error: { code: err.code ?? "INTERNAL", message: err.message ?? String(e), detail: err.detail } });
    },
  );
});
