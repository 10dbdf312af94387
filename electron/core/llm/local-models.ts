import type { ChatModel, ChatRequest, ChatResult } from "./chat-model";
import type { Embedder } from "./embedder";
import type { ChatStats, ModelSpec } from "./worker-contract";
import type { WorkerClient } from "./worker-client";

/** ChatResult plus the timings the worker measured (benchmarks). */
export interface LocalChatResult extends ChatResult {
  stats: ChatStats;
}

/** A chat model loaded in the worker process. */
export class LocalChatModel implements ChatModel {
  constructor(
    private readonly worker: WorkerClient,
    private readonly spec: ModelSpec,
    readonly modelId: string,
    readonly name: string,
    readonly contextSize: number,
    private readonly touch: () => void = () => {},
  ) {}

  async countTokens(text: string): Promise<number> {
    this.touch();
    return (await this.worker.call("llm.count", { model: this.spec, text })).tokens;
  }

  async generate(request: ChatRequest): Promise<LocalChatResult> {
    this.touch();
    try {
      return await this.worker.job(
        "llm.chat",
        {
          model: this.spec,
          messages: request.messages,
          ...(request.system !== undefined ? { system: request.system } : {}),
          ...(request.maxTokens !== undefined ? { maxTokens: request.maxTokens } : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.jsonSchema !== undefined ? { jsonSchema: request.jsonSchema as Record<string, unknown> } : {}),
        },
        { ...(request.signal ? { signal: request.signal } : {}), ...(request.onChunk ? { onChunk: request.onChunk } : {}) },
      );
    } finally {
      this.touch();
    }
  }
}

/** An embedding model loaded in the worker process. */
export class LocalEmbedder implements Embedder {
  constructor(
    private readonly worker: WorkerClient,
    private readonly spec: ModelSpec,
    readonly modelId: string,
    readonly dimension: number,
    private readonly touch: () => void = () => {},
  ) {}

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    this.touch();
    try {
      const out = await this.worker.job("llm.embed", { model: this.spec, texts: [...texts] }, signal ? { signal } : {});
      return out.vectors.map((v) => Float32Array.from(v));
    } finally {
      this.touch();
    }
  }
}
