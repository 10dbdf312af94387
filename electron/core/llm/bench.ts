import type { BenchResult } from "../../common/contracts/models";
import type { LocalChatResult } from "./local-models";
import type { ModelService } from "./model-service";

const BENCH_PROMPT = "请简要介绍一下政府办公室的日常工作内容，包括公文处理、会议组织和信息报送。".repeat(3);
const EMBED_ITEMS = 16;

/**
 * Measures a model through GovDesk's own runtime (worker process + IPC), the
 * way the app uses it: prompt and generation tokens per second from the
 * worker's timings, embedding items per second end to end.
 */
export async function benchModel(
  service: ModelService,
  path: string,
  options: { tokens: number; signal?: AbortSignal; progress?: (done: number, total: number, stage: string) => void },
): Promise<BenchResult> {
  const signal = options.signal;
  options.progress?.(0, 3, "检查模型");
  const { fit, machine } = await service.fit(path);
  options.progress?.(1, 3, "生成测速");
  const chat = await service.chatModel({ modelPath: path, ...(signal ? { signal } : {}) });
  if (!chat) throw new Error("model not found");
  const result = (await chat.generate({
    messages: [{ role: "user", content: BENCH_PROMPT }],
    maxTokens: options.tokens,
    temperature: 0,
    ...(signal ? { signal } : {}),
  })) as LocalChatResult;
  options.progress?.(2, 3, "嵌入测速");
  const embedder = await service.embedder({ modelPath: path, ...(signal ? { signal } : {}) });
  const items = Array.from({ length: EMBED_ITEMS }, (_, i) => `第${i + 1}条：关于加强办公用品采购管理的通知。`);
  await embedder?.embed(items.slice(0, 2), signal); // warm-up: context creation is not throughput
  const t0 = performance.now();
  await embedder?.embed(items, signal);
  const embedMs = performance.now() - t0;
  options.progress?.(3, 3, "完成");
  const s = result.stats;
  // The first generated token's time is prompt evaluation; the rest is generation.
  const genTokens = Math.max(0, result.tokens - 1);
  return {
    model: chat.name,
    backend: machine.backend,
    gpuLayers: fit.gpuLayers,
    threads: await service.threadsFor(path),
    contextSize: chat.contextSize,
    promptTokens: s.promptTokens,
    promptTokensPerSecond: s.promptMs > 0 ? (s.promptTokens / s.promptMs) * 1000 : 0,
    generationTokens: result.tokens,
    generationTokensPerSecond: s.generationMs > 0 ? (genTokens / s.generationMs) * 1000 : 0,
    embeddingItems: EMBED_ITEMS,
    embeddingItemsPerSecond: embedMs > 0 ? (EMBED_ITEMS / embedMs) * 1000 : 0,
  };
}
