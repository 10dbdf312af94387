import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type * as LlamaCppModule from "node-llama-cpp";
import type { GgufFileInfo } from "node-llama-cpp";
import { RpcError } from "../../common/rpc/wire";
import type { GgufSummary } from "../../common/contracts/models";
import { GgufHeaderError, readGgufHeader, SUPPORTED_GGUF_VERSIONS, type GgufHeader } from "./gguf-header";
import { tensorBytes, tensorElements } from "./tensor-size";

type LlamaCpp = typeof LlamaCppModule;
let llamaCpp: Promise<{ lib: LlamaCpp; architectures: Set<string> }> | undefined;

/**
 * node-llama-cpp loads on the first inspection, not with this module: it
 * costs ~0.5–1 s to import, and most commands never read a GGUF.
 */
function loadLlamaCpp(): Promise<{ lib: LlamaCpp; architectures: Set<string> }> {
  llamaCpp ??= import("node-llama-cpp").then((lib) => ({
    lib,
    // A const enum in node-llama-cpp's types, a plain object at run time.
    architectures: new Set(Object.values((lib as unknown as { GgufArchitectureType: Record<string, string> }).GgufArchitectureType)),
  }));
  return llamaCpp;
}
const EMBEDDING_ARCHITECTURES = new Set(["bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "t5encoder", "neo-bert", "modern-bert"]);
const SPLIT_NAME = /-(\d{5})-of-(\d{5})\.gguf$/i;

/**
 * Reads and checks a GGUF in pure TypeScript, before anything native touches
 * it: magic, a known version, a header that fits in the file, architecture,
 * and that the tensors' data fills the file exactly (a truncated copy from a
 * USB stick is caught here, not by a llama.cpp abort; a file padded with a
 * 100 GB hole is refused before it is hashed). Throws RpcError with a
 * Chinese reason.
 */
export async function inspectGguf(given: string, signal?: AbortSignal): Promise<GgufSummary> {
  const path = resolve(given);
  const size = await fileSize(path);
  const split = SPLIT_NAME.exec(path);
  const header = await checkedHeader(path, size, signal);
  if (split) throw splitRefusal(Number(split[2]));
  const { lib, architectures } = await loadLlamaCpp();
  let info: GgufFileInfo;
  try {
    info = await lib.readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false, spliceSplitFiles: false, ...(signal ? { signal } : {}) });
  } catch (e) {
    throw new RpcError("INVALID_INPUT", `GGUF 文件头损坏或不完整，无法读取：${basename(path)}`, e instanceof Error ? e.message : String(e));
  }
  // A renamed part still says so in its metadata.
  const splitCount = Number((info.metadata as { split?: { count?: number } }).split?.count ?? 1);
  if (splitCount > 1) throw splitRefusal(splitCount);
  const arch = String(info.metadata.general?.architecture ?? "");
  if (!arch || !architectures.has(arch)) {
    throw new RpcError("INVALID_INPUT", `不支持的模型架构：${arch || "（未标明）"}`);
  }
  const { parameters, typeCounts } = checkTensorData(header, size, basename(path));
  const a = info.architectureMetadata as { context_length?: number; embedding_length?: number; block_count?: number; pooling_type?: number };
  const chatTemplate = typeof info.metadata.tokenizer?.chat_template === "string";
  const embeddingArch = EMBEDDING_ARCHITECTURES.has(arch) || a.pooling_type !== undefined;
  return {
    path,
    fileName: basename(path),
    name: String(info.metadata.general?.name ?? basename(path).replace(/\.gguf$/i, "")),
    architecture: arch,
    parameters,
    quantization: quantName(lib, info.metadata.general?.file_type, typeCounts),
    sizeBytes: size,
    contextLength: a.context_length ?? 0,
    embeddingLength: a.embedding_length ?? 0,
    layers: a.block_count ?? 0,
    chatTemplate,
    roles: { chat: !embeddingArch, embedding: true },
  };
}

/** The header walked with bounds (gguf-header.ts); each problem becomes a Chinese refusal naming the file. */
async function checkedHeader(path: string, size: number, signal?: AbortSignal): Promise<GgufHeader> {
  const name = basename(path);
  try {
    return await readGgufHeader(path, size, signal);
  } catch (e) {
    if (!(e instanceof GgufHeaderError)) throw e;
    const p = e.problem;
    switch (p.kind) {
      case "not-gguf":
        throw new RpcError("INVALID_INPUT", `不是 GGUF 模型文件：${name}（文件头不是 GGUF）`);
      case "truncated":
        throw new RpcError("INVALID_INPUT", `模型文件不完整（在文件头中途被截断，只有 ${size} 字节）：${name}，请重新复制`, `header needs ${p.at} bytes, file has ${p.size}`);
      case "version":
        throw new RpcError("INVALID_INPUT", `不支持的 GGUF 版本 ${p.version}：${name}（支持版本 ${SUPPORTED_GGUF_VERSIONS.join("、")}），请使用新版 llama.cpp 工具重新转换`);
      case "corrupt":
        throw new RpcError("INVALID_INPUT", `GGUF 文件头损坏或不完整，无法读取：${name}`, p.detail);
    }
  }
}

/**
 * Every tensor's data must lie inside the file, and nothing may follow the
 * last one but alignment padding: a file padded with gigabytes (a sparse
 * hole) would otherwise be hashed, copied and mapped for nothing.
 */
function checkTensorData(header: GgufHeader, size: number, name: string): { parameters: number; typeCounts: Map<number, number> } {
  if (header.tensors.length === 0) throw new RpcError("INVALID_INPUT", `模型文件中没有权重数据：${name}`);
  let parameters = 0;
  let dataEnd = header.dataStart;
  const typeCounts = new Map<number, number>();
  for (const t of header.tensors) {
    const bytes = tensorBytes(t.ggmlType, t.dimensions);
    if (bytes === null) throw new RpcError("INVALID_INPUT", `模型使用了不认识的权重类型（ggml 类型 ${t.ggmlType}，张量 ${t.name}）：${name}`);
    const end = t.fileOffset + bytes;
    if (end > size) {
      throw new RpcError("INVALID_INPUT", `模型文件不完整（在权重数据中途被截断）：${name}，请重新复制`, `tensor ${t.name} ends at ${end}, file has ${size} bytes`);
    }
    dataEnd = Math.max(dataEnd, end);
    const n = tensorElements(t.dimensions);
    parameters += n;
    typeCounts.set(t.ggmlType, (typeCounts.get(t.ggmlType) ?? 0) + n);
  }
  const expected = Math.ceil(dataEnd / header.alignment) * header.alignment;
  if (size > expected) {
    throw new RpcError(
      "INVALID_INPUT",
      `模型文件末尾有 ${formatBytes(size - expected)} 多余数据（权重数据在第 ${expected} 字节处结束，文件却有 ${size} 字节）：${name} 可能被拼接或篡改，请向信息中心重新获取`,
      `declared data ends at ${dataEnd} (aligned ${expected}), file has ${size} bytes`,
    );
  }
  return { parameters, typeCounts };
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

/** Split GGUFs are refused: import copies one file, and a missing part would fail only at load. */
function splitRefusal(parts: number): RpcError {
  return new RpcError("INVALID_INPUT", `这是分片模型（共 ${parts} 片），暂不支持直接导入：请先用 llama-gguf-split --merge 合并为一个文件`);
}

async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new RpcError("INVALID_INPUT", `不是文件：${path}`);
    return s.size;
  } catch (e) {
    if (e instanceof RpcError) throw e;
    throw new RpcError("NOT_FOUND", `找不到模型文件：${path}`);
  }
}

/** The file type name from general.file_type (e.g. Q4_K_M), else the dominant tensor type. */
function quantName({ GgufFileType, GgmlType }: LlamaCpp, fileType: number | undefined, typeCounts: Map<number, number>): string {
  if (fileType !== undefined && GgufFileType[fileType]) return GgufFileType[fileType].replace(/^(MOSTLY|ALL)_/, "");
  let best = -1;
  let bestCount = -1;
  for (const [type, count] of typeCounts) if (count > bestCount) [best, bestCount] = [type, count];
  return (GgmlType as unknown as Record<number, string>)[best] ?? "unknown";
}
