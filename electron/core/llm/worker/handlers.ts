import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { RpcError } from "../../../common/rpc/wire";
import type { Handlers } from "../../../common/rpc/router";
import type { JobManager } from "../../rpc/jobs";
import { ModelSpec, type LoadStage, type WorkerContract } from "../worker-contract";
import { describeMachine, estimateFit, runtimeInfo } from "../fit";
import { LoadedModels, type LoadReporter } from "./loaded-models";
import { runChat } from "./chat";
import { runEmbed } from "./embed";
import { ChunkBatcher } from "./batcher";
import { calibrateThreads } from "./calibrate";

export interface WorkerHooks {
  /** llama.cpp's log lines and streamed chat pieces go out as events. */
  log(line: string): void;
  chunk(jobId: string, chunk: { type: "text" | "thought"; text: string }): void;
}

/**
 * The model worker's side of worker-contract.ts: node-llama-cpp started on
 * first use, models loaded on demand. Every failure leaves as an RpcError
 * with a code the core and the UI can act on (llamaError).
 */
export function workerHandlers(hooks: WorkerHooks, jobs: JobManager, gpuSetting: string): Handlers<WorkerContract> {
  let llamaPromise: Promise<Llama> | null = null;
  let loaded: LoadedModels | null = null;
  // Each running llm.load job listens for its model's stages (several jobs may wait on one load).
  const stageListeners = new Set<LoadReporter>();
  const report: LoadReporter = (...a) => {
    for (const l of [...stageListeners]) l(...a);
  };

  function llama(): Promise<Llama> {
    llamaPromise ??= getLlama({
      gpu: gpuSetting === "false" || gpuSetting === "cpu" ? false : "auto",
      build: "never",
      logLevel: LlamaLogLevel.error,
      logger: (_level, message) => hooks.log(message.trimEnd()),
    }).then((l) => {
      loaded = new LoadedModels(l, report);
      return l;
    });
    return llamaPromise;
  }
  async function models(): Promise<LoadedModels> {
    await llama();
    return loaded!;
  }
  /** Runs fn, turning llama.cpp's exceptions into coded RpcErrors. */
  const coded = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw llamaError(e);
    }
  };

  return {
    "llm.chat": ({ model, ...params }, job) =>
      coded(async () => {
        const slot = await (await models()).chat(ModelSpec.parse(model));
        const batcher = new ChunkBatcher((chunk) => hooks.chunk(job.jobId, chunk));
        try {
          return await runChat(await llama(), slot, params, job.signal, (chunk) => batcher.push(chunk));
        } finally {
          batcher.flush();
        }
      }),
    "llm.embed": ({ model, texts }, job) => coded(async () => runEmbed(await (await models()).embed(ModelSpec.parse(model)), texts, job.signal)),
    "llm.load": ({ model, role }, job) =>
      coded(async () => {
        const spec = ModelSpec.parse(model);
        const stage = (st: LoadStage, progress: number): void => {
          if (st !== "ready") job.progress(Math.round(progress * 100), 100, st);
        };
        const listener: LoadReporter = (path, r, st, progress) => {
          if (path === spec.path && r === role) stage(st, progress);
        };
        stageListeners.add(listener);
        try {
          // Starting llama.cpp (and probing GPUs) is the first wait of a fresh worker.
          if (!loaded) stage("runtime", 0);
          const m = await models();
          if (role === "embedding") {
            const e = await m.embed(spec);
            return { contextSize: e.contextSize, embeddingDimension: e.model.embeddingVectorSize };
          }
          const c = await m.chat(spec);
          return { contextSize: c.context.contextSize, embeddingDimension: c.model.embeddingVectorSize };
        } finally {
          stageListeners.delete(listener);
        }
      }),
    "llm.count": ({ model, text }) => coded(async () => ({ tokens: (await (await models()).chat(ModelSpec.parse(model))).model.tokenize(text).length })),
    "llm.fit": ({ path, gpuLayers, contextSize }) =>
      coded(async () => {
        const l = await llama();
        const fit = await estimateFit(l, path, { ...(gpuLayers !== undefined ? { gpuLayers } : {}), ...(contextSize !== undefined ? { contextSize } : {}) });
        return { machine: await describeMachine(l), fit };
      }),
    "llm.fitAll": ({ paths }) =>
      coded(async () => {
        const l = await llama();
        const fits = [];
        for (const path of paths) {
          try {
            fits.push({ path, fit: await estimateFit(l, path, {}), error: null });
          } catch (e) {
            fits.push({ path, fit: null, error: llamaError(e).message });
          }
        }
        return { machine: await describeMachine(l), fits };
      }),
    "llm.machine": () => coded(async () => describeMachine(await llama())),
    "llm.status": () => ({ loaded: loaded?.loaded() ?? [] }),
    "llm.runtime": () => coded(async () => runtimeInfo(await llama())),
    "llm.unload": ({ path }) =>
      coded(async () => {
        await (await models()).unload(path);
        return {};
      }),
    "llm.calibrate": ({ path, gpuLayers, candidates, tokens }, job) =>
      coded(async () => calibrateThreads(await (await models()).loadModel(path, gpuLayers), candidates, tokens, job.signal)),
    "jobs.cancel": ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}

/** A llama.cpp failure as a coded error, in words the user can act on. */
export function llamaError(e: unknown): RpcError {
  if (e instanceof RpcError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/cancel|abort/i.test(message)) return new RpcError("CANCELLED", "已取消", message);
  if (/failed to load model|load model/i.test(message)) return new RpcError("MODEL_LOAD_FAILED", "无法加载模型文件：文件可能已损坏或不是受支持的模型", message);
  if (/context|memory|alloc/i.test(message)) return new RpcError("OUT_OF_MEMORY", "模型运行所需内存不足：请减小上下文长度或 GPU 层数后重试", message);
  return new RpcError("INTERNAL", `模型运行出错：${message}`, message);
}
