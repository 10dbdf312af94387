import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";
import { call, Done, job, NoInput, type EventMap, type MethodMap } from "../rpc/define";

/**
 * Model runtime and model manager calls (issue: local model runtime).
 * Spread into the one contract in ../contract.ts.
 */

/** What the GGUF header says, read without loading the model. */
export const GgufSummary = lazySchema(() => z.object({
  path: z.string(),
  fileName: z.string(),
  name: z.string(),
  architecture: z.string(),
  parameters: z.number(),
  quantization: z.string(),
  sizeBytes: z.number(),
  contextLength: z.number(),
  embeddingLength: z.number(),
  layers: z.number(),
  chatTemplate: z.boolean(),
  roles: z.object({ chat: z.boolean(), embedding: z.boolean() }),
}));
export type GgufSummary = z.infer<typeof GgufSummary>;

export const Machine = lazySchema(() => z.object({
  backend: z.string(),
  gpuDevices: z.array(z.string()),
  vramTotal: z.number(),
  vramFree: z.number(),
  ramTotal: z.number(),
  ramFree: z.number(),
  cpuCores: z.number().int(),
}));
export type Machine = z.infer<typeof Machine>;

export const Fit = lazySchema(() => z.object({
  /** gpu: all layers on the GPU; partial: some; cpu: none; none: will not fit. */
  level: z.enum(["gpu", "partial", "cpu", "none"]),
  gpuLayers: z.number().int(),
  totalLayers: z.number().int(),
  contextSize: z.number().int(),
  ramBytes: z.number(),
  vramBytes: z.number(),
}));
export type Fit = z.infer<typeof Fit>;

export const ModelRecord = lazySchema(() => GgufSummary.unwrap().extend({
  /** sha256 of the file. */
  id: z.string(),
  /** Registered where it lies instead of copied into the data dir. */
  inPlace: z.boolean(),
  importedAt: z.string(),
  catalogId: z.string().nullable(),
}));
export type ModelRecord = z.infer<typeof ModelRecord>;

/** The CPU threads a model runs with, and where the number comes from (threads "auto" is measured per model and machine). */
export const ModelThreads = lazySchema(() => z.object({
  count: z.number().int(),
  /** setting: a fixed number in 设置; measured: "auto", measured on this machine; estimated: "auto", not measured yet (at first load). */
  source: z.enum(["setting", "measured", "estimated"]),
  measured: z.array(z.object({ threads: z.number().int(), tokensPerSecond: z.number() })),
  measuredAt: z.string().nullable(),
}));
export type ModelThreads = z.infer<typeof ModelThreads>;

export const ModelListItem = lazySchema(() => ModelRecord.unwrap().extend({
  fit: Fit.nullable(),
  threads: ModelThreads.optional(),
  /** Why there is no fit estimate (the file is gone, llama.cpp cannot read it, the model process failed). */
  fitError: z.string().nullable().optional(),
  loaded: z.boolean(),
  defaultChat: z.boolean(),
  defaultEmbedding: z.boolean(),
}));
export type ModelListItem = z.infer<typeof ModelListItem>;

export const BenchResult = lazySchema(() => z.object({
  model: z.string(),
  backend: z.string(),
  gpuLayers: z.number().int(),
  threads: z.number().int(),
  contextSize: z.number().int(),
  promptTokens: z.number().int(),
  promptTokensPerSecond: z.number(),
  generationTokens: z.number().int(),
  generationTokensPerSecond: z.number(),
  embeddingItems: z.number().int(),
  embeddingItemsPerSecond: z.number(),
}));
export type BenchResult = z.infer<typeof BenchResult>;

/** An entry of models/catalog.json: a known good model IT may distribute. */
export const CatalogEntry = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  family: z.string(),
  parameters: z.string(),
  quantization: z.string(),
  fileName: z.string(),
  sizeGB: z.number(),
  role: z.enum(["chat", "embedding"]),
  reasoning: z.boolean().optional(),
  recommended: z.object({ ramGB: z.number(), vramGB: z.number() }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
}));
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** A local model's state, pushed as it changes: loading (by stage), ready, unloaded, failed. */
export const ModelState = lazySchema(() => z.object({
  path: z.string(),
  name: z.string(),
  role: z.enum(["chat", "embedding"]),
  state: z.enum(["loading", "ready", "unloaded", "failed"]),
  /** While loading: starting llama.cpp, reading the weights, making the context. */
  stage: z.enum(["runtime", "weights", "context"]).nullable(),
  /** Progress within the stage, 0–1. */
  progress: z.number().min(0).max(1),
  error: z.string().optional(),
}));
export type ModelState = z.infer<typeof ModelState>;

/** The llama.cpp runtime the models run on. */
export const ModelRuntime = lazySchema(() => z.object({
  backend: z.string(),
  gpuDevices: z.array(z.string()),
  llamaCpp: z.string().nullable(),
  nodeLlamaCpp: z.string().nullable(),
}));
export type ModelRuntime = z.infer<typeof ModelRuntime>;

const Sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, "sha256 应为 64 位十六进制");
const Role = z.enum(["chat", "embedding"]);

export const modelMethods = {
  "models.list": call("Imported models with how each fits this machine", NoInput, () => z.object({ models: z.array(ModelListItem), machine: Machine.nullable() })),
  "models.inspect": call(
    "Read a GGUF file's header and estimate how it fits this machine",
    () => z.object({ path: z.string().min(1), gpuLayers: z.number().int().min(0).optional(), contextSize: z.number().int().min(64).optional() }).strict(),
    () => z.object({ gguf: GgufSummary, fit: Fit, machine: Machine, catalogId: z.string().nullable() }),
    { paths: { path: "read" } },
  ),
  "models.import": job(
    "Import a model: check it, hash it, copy it into the data directory or register it where it lies",
    () => z.object({ path: z.string().min(1), inPlace: z.boolean().default(false), sha256: Sha256.optional() }).strict(),
    ModelRecord,
    { paths: { path: "read" } },
  ),
  "models.verify": job(
    "Hash a model file and compare it with the given sha256 or the catalog's",
    () => z.object({ path: z.string().min(1), sha256: Sha256.optional() }).strict(),
    () => z.object({ sha256: z.string(), matches: z.boolean().nullable(), catalogId: z.string().nullable() }),
    { paths: { path: "read" } },
  ),
  "models.catalog": call(
    "The model catalog and what suits this machine (never downloads)",
    NoInput,
    () => z.object({ entries: z.array(CatalogEntry), recommended: z.array(z.string()), machine: Machine }),
  ),
  "models.remove": call("Delete an imported model", () => z.object({ id: z.string() }).strict(), () => z.object({ removed: z.boolean() })),
  "models.load": job(
    "Load a model for a role",
    () => z.object({ id: z.string(), role: Role.default("chat") }).strict(),
    () => z.object({ contextSize: z.number().int(), embeddingDimension: z.number().int() }),
  ),
  "models.setDefault": call(
    "Make an imported model (its id, or a unique prefix of it) the default for chat or for embeddings",
    () => z.object({ id: z.string().min(4, "请至少写出模型 id 的前 4 位").max(64), role: Role }).strict(),
    () => z.object({ id: z.string(), name: z.string(), role: Role }),
  ),
  "models.unload": call("Unload a model (all models when no id is given)", () => z.object({ id: z.string().optional() }).strict(), Done),
  "models.runtime": call("The llama.cpp runtime: backend (CPU/CUDA/Vulkan/Metal), GPUs and versions", NoInput, ModelRuntime),
  "models.bench": job(
    "Benchmark a model: prompt and generation tokens per second, embedding speed",
    () => z.object({ id: z.string().optional(), path: z.string().optional(), tokens: z.number().int().min(1).max(4096).default(64) }).strict(),
    BenchResult,
    { paths: { path: "read" } },
  ),
} satisfies MethodMap;
export const modelEvents = {
  "models.state": ModelState,
} satisfies EventMap;
