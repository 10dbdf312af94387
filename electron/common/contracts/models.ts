import { z } from "zod";
import { call, job, type EventMap, type MethodMap } from "../rpc/define";

/**
 * Model runtime and model manager calls (issue: local model runtime).
 * Spread into the one contract in ../contract.ts.
 */

/** What the GGUF header says, read without loading the model. */
export const GgufSummary = z.object({
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
});
export type GgufSummary = z.infer<typeof GgufSummary>;

export const Machine = z.object({
  backend: z.string(),
  gpuDevices: z.array(z.string()),
  vramTotal: z.number(),
  vramFree: z.number(),
  ramTotal: z.number(),
  ramFree: z.number(),
  cpuCores: z.number().int(),
});
export type Machine = z.infer<typeof Machine>;

export const Fit = z.object({
  /** gpu: all layers on the GPU; partial: some; cpu: none; none: will not fit. */
  level: z.enum(["gpu", "partial", "cpu", "none"]),
  gpuLayers: z.number().int(),
  totalLayers: z.number().int(),
  contextSize: z.number().int(),
  ramBytes: z.number(),
  vramBytes: z.number(),
});
export type Fit = z.infer<typeof Fit>;

export const ModelRecord = GgufSummary.extend({
  /** sha256 of the file. */
  id: z.string(),
  /** Registered where it lies instead of copied into the data dir. */
  inPlace: z.boolean(),
  importedAt: z.string(),
  catalogId: z.string().nullable(),
});
export type ModelRecord = z.infer<typeof ModelRecord>;

export const ModelListItem = ModelRecord.extend({
  fit: Fit.nullable(),
  loaded: z.boolean(),
  defaultChat: z.boolean(),
  defaultEmbedding: z.boolean(),
});
export type ModelListItem = z.infer<typeof ModelListItem>;

export const BenchResult = z.object({
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
});
export type BenchResult = z.infer<typeof BenchResult>;

/** An entry of models/catalog.json: a known good model IT may distribute. */
export const CatalogEntry = z.object({
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
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** A local model's state, pushed as it changes: loading (by stage), ready, unloaded, failed. */
export const ModelState = z.object({
  path: z.string(),
  name: z.string(),
  role: z.enum(["chat", "embedding"]),
  state: z.enum(["loading", "ready", "unloaded", "failed"]),
  /** While loading: starting llama.cpp, reading the weights, making the context. */
  stage: z.enum(["runtime", "weights", "context"]).nullable(),
  /** Progress within the stage, 0–1. */
  progress: z.number().min(0).max(1),
  error: z.string().optional(),
});
export type ModelState = z.infer<typeof ModelState>;

/** The llama.cpp runtime the models run on. */
export const ModelRuntime = z.object({
  backend: z.string(),
  gpuDevices: z.array(z.string()),
  llamaCpp: z.string().nullable(),
  nodeLlamaCpp: z.string().nullable(),
});
export type ModelRuntime = z.infer<typeof ModelRuntime>;

const Sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, "sha256 应为 64 位十六进制");
const Role = z.enum(["chat", "embedding"]);

export const modelMethods = {
  "models.list": call("已导入的模型及其在本机的适配情况", z.object({}), z.object({ models: z.array(ModelListItem), machine: Machine.nullable() })),
  "models.inspect": call(
    "读取 GGUF 文件信息并估算在本机的适配",
    z.object({ path: z.string().min(1), gpuLayers: z.number().int().min(0).optional(), contextSize: z.number().int().min(64).optional() }),
    z.object({ gguf: GgufSummary, fit: Fit, machine: Machine, catalogId: z.string().nullable() }),
  ),
  "models.import": job(
    "导入模型：检查、计算 sha256、复制或原地登记",
    z.object({ path: z.string().min(1), inPlace: z.boolean().default(false), sha256: Sha256.optional() }),
    ModelRecord,
  ),
  "models.verify": job(
    "计算模型文件的 sha256 并与给定值或目录核对",
    z.object({ path: z.string().min(1), sha256: Sha256.optional() }),
    z.object({ sha256: z.string(), matches: z.boolean().nullable(), catalogId: z.string().nullable() }),
  ),
  "models.catalog": call(
    "模型目录，以及适合本机的推荐（从不下载）",
    z.object({}),
    z.object({ entries: z.array(CatalogEntry), recommended: z.array(z.string()), machine: Machine }),
  ),
  "models.remove": call("删除已导入的模型", z.object({ id: z.string() }), z.object({ removed: z.boolean() })),
  "models.load": job(
    "加载模型",
    z.object({ id: z.string(), role: Role.default("chat") }),
    z.object({ contextSize: z.number().int(), embeddingDimension: z.number().int() }),
  ),
  "models.unload": call("卸载模型（不给 id 时全部卸载）", z.object({ id: z.string().optional() }), z.object({})),
  "models.runtime": call("llama.cpp 运行时：后端（CPU/CUDA/Vulkan/Metal）、GPU 与版本", z.object({}).strict().default({}), ModelRuntime),
  "models.bench": job(
    "模型测速：提示词与生成的每秒 token 数、嵌入速度",
    z.object({ id: z.string().optional(), path: z.string().optional(), tokens: z.number().int().min(1).max(4096).default(64) }),
    BenchResult,
  ),
} satisfies MethodMap;
export const modelEvents = {
  "models.state": ModelState,
} satisfies EventMap;
