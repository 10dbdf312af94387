import { inspectGguf } from "./gguf-inspect";
import { LocalChatModel } from "./local-models";
import { quickModelId } from "./model-id";
import { forkProcessHost } from "./process-host";
import type { ModelSpec } from "./worker-contract";
import { WorkerClient } from "./worker-client";

/**
 * A chat model on a GGUF path with a worker of its own, for one-shot command
 * line use (`govdesk chat --model`) outside a running core's model service.
 */
export async function openStandaloneChat(
  path: string,
  options: { threads: number; gpuLayers?: number | "auto"; contextSize?: number; log?: (line: string) => void },
): Promise<{ model: LocalChatModel; close: () => Promise<void> }> {
  const summary = await inspectGguf(path);
  const worker = new WorkerClient(forkProcessHost(), {}, options.log);
  try {
    const spec: ModelSpec = {
      path: summary.path,
      gpuLayers: options.gpuLayers ?? "auto",
      threads: options.threads,
      ...(options.contextSize ? { contextSize: options.contextSize } : {}),
    };
    const info = await worker.job("llm.load", { model: spec, role: "chat" });
    const model = new LocalChatModel(worker, spec, await quickModelId(summary.path), summary.name, info.contextSize);
    return { model, close: () => worker.close() };
  } catch (e) {
    await worker.close();
    throw e;
  }
}
