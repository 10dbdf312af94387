import { z } from "zod";
import { lazySchema } from "../../common/rpc/lazy-schema";
import { Fit, Machine } from "../../common/contracts/models";
import { call, defineContract, Done, job, NoInput } from "../../common/rpc/define";
import { jobEvents, jobMethods } from "../../common/rpc/job-contract";

/**
 * The contract between the core and the model worker process (DESIGN.md
 * "model worker"): the same defineContract, router, client and jobs as the
 * UI's contract, so both sides validate what they receive, errors carry their
 * codes (MODEL_LOAD_FAILED, OUT_OF_MEMORY …) to the core and on to the UI,
 * and cancel is `jobs.cancel`, as everywhere else.
 */

/** How to load a model in the worker. Same spec → same loaded instance. */
export const ModelSpec = lazySchema(() => z.object({
  path: z.string().min(1),
  /** "auto" lets node-llama-cpp fit layers to free VRAM. */
  gpuLayers: z.union([z.literal("auto"), z.number().int().min(0)]).default("auto"),
  /** Context size; absent = as large as fits, at most the trained size and 8192. */
  contextSize: z.number().int().min(64).optional(),
  threads: z.number().int().min(1),
  /** Embedding contexts working in parallel; absent = 1 on CPU, 2 on a GPU. */
  parallel: z.number().int().min(1).max(8).optional(),
}).strict());
export type ModelSpec = z.input<typeof ModelSpec>;

const Turn = lazySchema(() => z.object({ role: z.enum(["user", "assistant"]), content: z.string() }).strict());

export const ChatParams = lazySchema(() => z
  .object({
    model: ModelSpec,
    system: z.string().optional(),
    messages: z.array(Turn),
    maxTokens: z.number().int().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
  })
  .strict());
export type ChatParams = z.input<typeof ChatParams>;

export const ChatStats = lazySchema(() => z.object({
  promptTokens: z.number(),
  /** Milliseconds until the first generated token (prompt evaluation). */
  promptMs: z.number(),
  /** Milliseconds from the first to the last generated token. */
  generationMs: z.number(),
}));
export type ChatStats = z.infer<typeof ChatStats>;

export const ChatOutcome = lazySchema(() => z.object({
  text: z.string(),
  thought: z.string(),
  tokens: z.number().int(),
  stopReason: z.enum(["end", "maxTokens", "cancelled"]),
  stats: ChatStats,
}));
export type ChatOutcome = z.infer<typeof ChatOutcome>;

export const EmbedParams = lazySchema(() => z.object({ model: ModelSpec, texts: z.array(z.string()) }).strict());
export const EmbedOutcome = lazySchema(() => z.object({ dimension: z.number().int(), vectors: z.array(z.array(z.number())) }));
export type EmbedOutcome = z.infer<typeof EmbedOutcome>;

export const CountParams = lazySchema(() => z.object({ model: ModelSpec, text: z.string() }).strict());
export const CountOutcome = lazySchema(() => z.object({ tokens: z.number().int() }));

export const ModelInfoOutcome = lazySchema(() => z.object({ contextSize: z.number().int(), embeddingDimension: z.number().int() }));

export const FitParams = lazySchema(() => z
  .object({
    path: z.string(),
    gpuLayers: z.number().int().min(0).optional(),
    contextSize: z.number().int().min(64).optional(),
  })
  .strict());

export { Machine, Fit } from "../../common/contracts/models";

export const FitOutcome = lazySchema(() => z.object({ machine: Machine, fit: Fit }));
export type FitOutcome = z.infer<typeof FitOutcome>;

/** Each model's fit, or why it could not be estimated (a file gone, not a GGUF llama.cpp reads). */
export const FitAllOutcome = lazySchema(() => z.object({
  machine: Machine,
  fits: z.array(z.object({ path: z.string(), fit: Fit.nullable(), error: z.string().nullable() })),
}));

export const UnloadParams = lazySchema(() => z.object({ path: z.string().optional() }).strict());

/** Generation speed at each thread count (threads "auto": measured, not guessed). */
export const CalibrateParams = lazySchema(() => z
  .object({
    path: z.string().min(1),
    gpuLayers: z.union([z.literal("auto"), z.number().int().min(0)]).default("auto"),
    candidates: z.array(z.number().int().min(1)).min(1).max(8),
    tokens: z.number().int().min(2).max(64),
  })
  .strict());
export const CalibrateOutcome = lazySchema(() => z.array(z.object({ threads: z.number().int(), tokensPerSecond: z.number() })));
export type CalibrateOutcome = z.infer<typeof CalibrateOutcome>;
export const StatusOutcome = lazySchema(() => z.object({ loaded: z.array(z.object({ path: z.string(), role: z.enum(["chat", "embedding"]) })) }));

export const LoadParams = lazySchema(() => z.object({ model: ModelSpec, role: z.enum(["chat", "embedding"]) }).strict());

/** Stages of making a model usable, as an llm.load job reports them (job.progress: stage, done of 100 within it); the core pushes them to the UI as models.state. */
export const LoadStage = z.enum(["runtime", "weights", "context", "ready"]);
export type LoadStage = z.infer<typeof LoadStage>;

/** The llama.cpp runtime in the worker: which backend it uses and which build. */
export const RuntimeOutcome = lazySchema(() => z.object({
  backend: z.string(),
  gpuDevices: z.array(z.string()),
  /** llama.cpp release the binaries were built from (e.g. "b6100"), null when unknown. */
  llamaCpp: z.string().nullable(),
  nodeLlamaCpp: z.string().nullable(),
}));
export type RuntimeOutcome = z.infer<typeof RuntimeOutcome>;

/** A streamed piece of a running llm.chat job (coalesced by the worker's ChunkBatcher). */
export const ChatChunkEvent = lazySchema(() => z.object({ jobId: z.string(), type: z.enum(["text", "thought"]), text: z.string() }));

export const workerContract = defineContract(
  {
    "llm.chat": job("Generate a chat answer, streamed as llm.chunk events; a cancelled chat answers with what it has", ChatParams, ChatOutcome, {
      resultOnCancel: true,
    }),
    "llm.embed": job("Embed texts: one unit vector per text, in order", EmbedParams, EmbedOutcome),
    "llm.load": job("Load a model for a role (if not loaded) and describe it; its stages (LoadStage) come as job.progress", LoadParams, ModelInfoOutcome),
    "llm.count": call("Count the tokens of a text with a model's tokenizer", CountParams, CountOutcome),
    "llm.fit": call("Estimate how a GGUF fits this machine", FitParams, FitOutcome),
    "llm.fitAll": call("Estimate how each of these GGUF files fits this machine, in one request", () => z.object({ paths: z.array(z.string()).max(10_000) }).strict(), FitAllOutcome),
    "llm.machine": call("This machine's backend, GPUs and memory", NoInput, Machine),
    "llm.status": call("Loaded models", NoInput, StatusOutcome),
    "llm.runtime": call("The llama.cpp runtime: backend, GPUs, llama.cpp release and node-llama-cpp version", NoInput, RuntimeOutcome),
    "llm.unload": call("Unload one model, or all", UnloadParams, Done),
    "llm.calibrate": job("Measure generation speed at each candidate thread count with a few greedy tokens", CalibrateParams, CalibrateOutcome),
    ...jobMethods,
  },
  {
    ...jobEvents,
    "llm.chunk": ChatChunkEvent,
    /** llama.cpp's own log lines, for the core's log. */
    "llm.log": lazySchema(() => z.object({ line: z.string() })),
  },
);
export type WorkerContract = typeof workerContract;
