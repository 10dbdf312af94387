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

/** The CPU threads a model runs with, and where the number comes from (threads "auto" is measured per model and machine). */
export const ModelThreads = z.object({
  count: z.number().int(),
  /** setting: a fixed number in 设置; measured: "auto", measured on this machine; estimated: "auto", not measured yet (at first load). */
  source: z.enum(["setting", "measured", "estimated"]),
  measured: z.array(z.object({ threads: z.number().int(), tokensPerSecond: z.number() })),
  measuredAt: z.string().nullable(),
});
export type ModelThreads = z.infer<typeof ModelThreads>;

export const ModelListItem = ModelRecord.extend({
  fit: Fit.nullable(),
  threads: ModelThreads.optional(),
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
  "models.bench": job(
    "模型测速：提示词与生成的每秒 token 数、嵌入速度",
    z.object({ id: z.string().optional(), path: z.string().optional(), tokens: z.number().int().min(1).max(4096).default(64) }),
    BenchResult,
  ),
} satisfies MethodMap;
export const modelEvents = {} satisfies EventMap;
