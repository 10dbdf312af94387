import { inspectGguf } from "./gguf-inspect";
import { LocalChatModel } from "./local-models";
import { quickModelId } from "./model-id";
import { forkProcessHost } from "./process-host";
import type { ModelSpec } from "./worker-contract";
import { resolveThreads, type ThreadCalibrations } from "./thread-calibration";
import { withinFreeCores } from "./threads";
import { WorkerClient } from "./worker-client";

/**
 * A chat model on a GGUF path with a worker of its own, for one-shot command
 * line use (`govdesk chat --model`) outside a running core's model service.
 */
export async function openStandaloneChat(
  path: string,
  options: {
    /** A number, or "auto": measured for this model and machine (stored in `calibrations`), measured now if never before. */
    threads: number | "auto";
    calibrations: ThreadCalibrations;
    /** The model's id when it is imported (its sha256); else one is made from the file. */
    modelKey?: string;
    gpuLayers?: number | "auto";
    contextSize?: number;
    log?: (line: string) => void;
  },
): Promise<{ model: LocalChatModel; close: () => Promise<void> }> {
  const summary = await inspectGguf(path);
  const worker = new WorkerClient(forkProcessHost(), {}, options.log);
  try {
    const gpuLayers = options.gpuLayers ?? "auto";
    const modelKey = options.modelKey ?? (await quickModelId(summary.path));
    const measured = await resolveThreads({
      setting: options.threads,
      modelKey,
      calibrations: options.calibrations,
      calibrate: (candidates, tokens) => worker.job("llm.calibrate", { path: summary.path, gpuLayers, candidates, tokens }),
      ...(options.log ? { log: options.log } : {}),
    });
    const threads = withinFreeCores(options.threads, measured);
    const spec: ModelSpec = {
      path: summary.path,
      gpuLayers,
      threads,
      ...(options.contextSize ? { contextSize: options.contextSize } : {}),
    };
    const info = await worker.job("llm.load", { model: spec, role: "chat" });
    const model = new LocalChatModel(worker, spec, modelKey, summary.name, info.contextSize);
    return { model, close: () => worker.close() };
  } catch (e) {
    await worker.close();
    throw e;
  }
}
