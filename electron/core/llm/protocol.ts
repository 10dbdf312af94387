import { z } from "zod";
import { Fit, Machine } from "../../common/contracts/models";

/**
 * Messages between the core and the model worker process. Both sides parse
 * what they receive with these schemas: a message that does not match is
 * dropped (and logged), never trusted.
 */

/** How to load a model in the worker. Same spec → same loaded instance. */
export const ModelSpec = z.object({
  path: z.string().min(1),
  /** "auto" lets node-llama-cpp fit layers to free VRAM. */
  gpuLayers: z.union([z.literal("auto"), z.number().int().min(0)]).default("auto"),
  /** Context size; absent = as large as fits, at most the trained size and 8192. */
  contextSize: z.number().int().min(64).optional(),
  threads: z.number().int().min(1),
  /** Embedding contexts working in parallel; absent = 1 on CPU, 2 on a GPU. */
  parallel: z.number().int().min(1).max(8).optional(),
});
export type ModelSpec = z.input<typeof ModelSpec>;

const Turn = z.object({ role: z.enum(["user", "assistant"]), content: z.string() });

export const ChatParams = z.object({
  model: ModelSpec,
  system: z.string().optional(),
  messages: z.array(Turn),
  maxTokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
});
export type ChatParams = z.input<typeof ChatParams>;

export const ChatStats = z.object({
  promptTokens: z.number(),
  /** Milliseconds until the first generated token (prompt evaluation). */
  promptMs: z.number(),
  /** Milliseconds from the first to the last generated token. */
  generationMs: z.number(),
});
export type ChatStats = z.infer<typeof ChatStats>;

export const ChatOutcome = z.object({
  text: z.string(),
  thought: z.string(),
  tokens: z.number().int(),
  stopReason: z.enum(["end", "maxTokens", "cancelled"]),
  stats: ChatStats,
});
export type ChatOutcome = z.infer<typeof ChatOutcome>;

export const EmbedParams = z.object({ model: ModelSpec, texts: z.array(z.string()) });
export const EmbedOutcome = z.object({ dimension: z.number().int(), vectors: z.array(z.array(z.number())) });
export type EmbedOutcome = z.infer<typeof EmbedOutcome>;

export const CountParams = z.object({ model: ModelSpec, text: z.string() });
export const CountOutcome = z.object({ tokens: z.number().int() });

export const ModelInfoOutcome = z.object({ contextSize: z.number().int(), embeddingDimension: z.number().int() });

export const FitParams = z.object({
  path: z.string(),
  gpuLayers: z.number().int().min(0).optional(),
  contextSize: z.number().int().min(64).optional(),
});

export { Machine, Fit } from "../../common/contracts/models";

export const FitOutcome = z.object({ machine: Machine, fit: Fit });
export type FitOutcome = z.infer<typeof FitOutcome>;

export const UnloadParams = z.object({ path: z.string().optional() });

/** Generation speed at each thread count (threads "auto": measured, not guessed). */
export const CalibrateParams = z.object({
  path: z.string(),
  gpuLayers: z.union([z.literal("auto"), z.number().int().min(0)]).default("auto"),
  candidates: z.array(z.number().int().min(1)).min(1).max(8),
  tokens: z.number().int().min(2).max(64),
});
export const CalibrateOutcome = z.array(z.object({ threads: z.number().int(), tokensPerSecond: z.number() }));
export const StatusOutcome = z.object({ loaded: z.array(z.object({ path: z.string(), role: z.enum(["chat", "embedding"]) })) });

/** core → worker */
export const ToWorker = z.discriminatedUnion("type", [
  z.object({ type: z.literal("chat"), id: z.number(), params: ChatParams }),
  z.object({ type: z.literal("embed"), id: z.number(), params: EmbedParams }),
  z.object({ type: z.literal("count"), id: z.number(), params: CountParams }),
  z.object({ type: z.literal("info"), id: z.number(), params: z.object({ model: ModelSpec, role: z.enum(["chat", "embedding"]) }) }),
  z.object({ type: z.literal("fit"), id: z.number(), params: FitParams }),
  z.object({ type: z.literal("unload"), id: z.number(), params: UnloadParams }),
  z.object({ type: z.literal("status"), id: z.number(), params: z.object({}) }),
  z.object({ type: z.literal("machine"), id: z.number(), params: z.object({}) }),
  z.object({ type: z.literal("calibrate"), id: z.number(), params: CalibrateParams }),
  z.object({ type: z.literal("cancel"), id: z.number() }),
]);
export type ToWorker = z.infer<typeof ToWorker>;
export type RequestType = Exclude<ToWorker["type"], "cancel">;

/** worker → core */
export const FromWorker = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("chunk"), id: z.number(), chunk: z.object({ type: z.enum(["text", "thought"]), text: z.string() }) }),
  z.object({ type: z.literal("result"), id: z.number(), value: z.unknown() }),
  z.object({ type: z.literal("error"), id: z.number(), message: z.string(), code: z.string().optional() }),
  z.object({ type: z.literal("log"), line: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
