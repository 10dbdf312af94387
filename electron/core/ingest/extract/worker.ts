import { parentPort } from "node:worker_threads";
import { prepareFile } from "../prepare";
import type { ExtractLimits } from "./limits";

/** Worker-thread side of the extraction pool: extract, chunk and segment one file at a time; errors sent back as data. */
export interface WorkerRequest {
  id: number;
  path: string;
  limits?: Partial<ExtractLimits>;
}

parentPort?.on("message", (req: WorkerRequest) => {
  prepareFile(req.path, req.limits).then(
    (prepared) => parentPort?.postMessage({ id: req.id, ok: true, prepared }),
    (e: unknown) => {
      const err = e as { code?: string; message?: string; detail?: string };
      parentPort?.postMessage({ id: req.id, ok: false, error: { code: err.code ?? "INTERNAL", message: err.message ?? String(e), detail: err.detail } });
    },
  );
});
