import { open, type FileHandle } from "node:fs/promises";

/**
 * A bounds-checked walk over a GGUF file's header (magic, version, metadata,
 * tensor infos), before any other parser sees it. node-llama-cpp's reader
 * treats bytes past the end of the file as zeros, so a 10-byte file "parses"
 * into an empty model and a header that declares 10^12 entries over a sparse
 * hole loops for hours; here every length and count must fit in the bytes
 * the file really has, and the walk stops at fixed limits.
 */
export const SUPPORTED_GGUF_VERSIONS: readonly number[] = [2, 3];
/** Magic, version, tensor count, metadata count. */
export const GGUF_FIXED_HEADER_BYTES = 24;
/** No real model's header comes near this (a 256k-token vocabulary is a few MB). */
const MAX_HEADER_BYTES = 512 * 1024 * 1024;
const MAX_KEY_BYTES = 65_535;
const MAX_ARRAY_ITEMS = 64 * 1024 * 1024;
const MAX_TENSOR_DIMS = 4; // GGML_MAX_DIMS
const DEFAULT_ALIGNMENT = 32;

const ARRAY = 9;
const STRING = 8;
/** Byte size of each scalar GGUF value type (uint8 … float64), by type id. */
const SCALAR_BYTES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

export interface GgufTensorHeader {
  name: string;
  ggmlType: number;
  dimensions: number[];
  /** Absolute position of the tensor's data in the file. */
  fileOffset: number;
}

export interface GgufHeader {
  version: number;
  alignment: number;
  /** Where the tensor data section starts (aligned end of the header). */
  dataStart: number;
  tensors: GgufTensorHeader[];
}

export type GgufHeaderProblem =
  | { kind: "not-gguf" }
  | { kind: "truncated"; at: number; size: number }
  | { kind: "version"; version: number }
  | { kind: "corrupt"; detail: string };

export class GgufHeaderError extends Error {
  constructor(readonly problem: GgufHeaderProblem) {
    super(problem.kind === "corrupt" ? problem.detail : problem.kind);
  }
}

/** Reads the header of a GGUF of `size` bytes; throws GgufHeaderError naming what is wrong. */
export async function readGgufHeader(path: string, size: number, signal?: AbortSignal): Promise<GgufHeader> {
  const fh = await open(path, "r");
  try {
    const c = new Cursor(fh, size, signal);
    if (size < 4 || (await c.bytes(4)).toString("latin1") !== "GGUF") {
      // A file that is only the start of a GGUF ("GG", "GGUF") was cut, not something else.
      const head = size > 0 ? (await readPrefix(fh, Math.min(size, 4))).toString("latin1") : "";
      if (size > 0 && "GGUF".startsWith(head)) throw new GgufHeaderError({ kind: "truncated", at: 4, size });
      throw new GgufHeaderError({ kind: "not-gguf" });
    }
    const version = await c.u32();
    // A version no format ever had (0, or beyond 16 bits: random bytes after the magic) is a damaged header.
    if (version === 0 || version > 0xffff) throw new GgufHeaderError({ kind: "corrupt", detail: `version field ${version}` });
    if (!SUPPORTED_GGUF_VERSIONS.includes(version)) throw new GgufHeaderError({ kind: "version", version });
    const tensorCount = await c.u64();
    const kvCount = await c.u64();
    // Each metadata entry takes at least 13 bytes and each tensor info 28: counts beyond that cannot fit.
    if (kvCount * 13 + tensorCount * 28 > size - c.pos) {
      throw new GgufHeaderError({ kind: "corrupt", detail: `${kvCount} metadata entries and ${tensorCount} tensors cannot fit in ${size} bytes` });
    }
    let alignment = DEFAULT_ALIGNMENT;
    for (let i = 0; i < kvCount; i++) {
      const key = (await c.bytes(await c.length(MAX_KEY_BYTES, "metadata key"))).toString("utf8");
      const type = await c.u32();
      if (key === "general.alignment" && type === 4) {
        alignment = await c.u32();
        if (!alignment || alignment % 8 !== 0 || alignment > 1 << 20) throw new GgufHeaderError({ kind: "corrupt", detail: `general.alignment ${alignment}` });
      } else await c.skipValue(type, 0);
    }
    const tensors: GgufTensorHeader[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = (await c.bytes(await c.length(MAX_KEY_BYTES, "tensor name"))).toString("utf8");
      const dims = await c.u32();
      if (dims < 1 || dims > MAX_TENSOR_DIMS) throw new GgufHeaderError({ kind: "corrupt", detail: `tensor ${name} has ${dims} dimensions` });
      const dimensions: number[] = [];
      for (let d = 0; d < dims; d++) dimensions.push(await c.u64());
      const ggmlType = await c.u32();
      tensors.push({ name, ggmlType, dimensions, fileOffset: await c.u64() });
    }
    const dataStart = Math.ceil(c.pos / alignment) * alignment;
    for (const t of tensors) t.fileOffset += dataStart;
    return { version, alignment, dataStart, tensors };
  } finally {
    await fh.close();
  }
}

async function readPrefix(fh: FileHandle, n: number): Promise<Buffer> {
  const b = Buffer.alloc(n);
  const { bytesRead } = await fh.read(b, 0, n, 0);
  return b.subarray(0, bytesRead);
}

/** Sequential reads through a 1 MiB window; every read past the file's end is "truncated". */
class Cursor {
  pos = 0;
  private buf = Buffer.alloc(0);
  private bufStart = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly size: number,
    private readonly signal?: AbortSignal,
  ) {}

  private async ensure(n: number): Promise<Buffer> {
    const end = this.pos + n;
    if (end > this.size) throw new GgufHeaderError({ kind: "truncated", at: end, size: this.size });
    if (end > MAX_HEADER_BYTES) throw new GgufHeaderError({ kind: "corrupt", detail: `header larger than ${MAX_HEADER_BYTES} bytes` });
    if (this.pos < this.bufStart || end > this.bufStart + this.buf.length) {
      this.signal?.throwIfAborted();
      const want = Math.min(Math.max(n, 1 << 20), this.size - this.pos);
      const b = Buffer.alloc(want);
      const { bytesRead } = await this.fh.read(b, 0, want, this.pos);
      // The file shrank while we read it.
      if (bytesRead < n) throw new GgufHeaderError({ kind: "truncated", at: end, size: this.pos + bytesRead });
      this.buf = b.subarray(0, bytesRead);
      this.bufStart = this.pos;
    }
    const at = this.pos - this.bufStart;
    this.pos = end;
    return this.buf.subarray(at, at + n);
  }

  async bytes(n: number): Promise<Buffer> {
    return this.ensure(n);
  }

  async u32(): Promise<number> {
    return (await this.ensure(4)).readUInt32LE(0);
  }

  /** A u64 that must be a safe integer (counts, dimensions, offsets). */
  async u64(): Promise<number> {
    const v = (await this.ensure(8)).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufHeaderError({ kind: "corrupt", detail: `value ${v} too large` });
    return Number(v);
  }

  /** A string length: at most `max`, and never past the end of the file. */
  async length(max: number, what: string): Promise<number> {
    const n = await this.u64();
    if (n > max) throw new GgufHeaderError({ kind: "corrupt", detail: `${what} of ${n} bytes` });
    return n;
  }

  skip(n: number): void {
    if (this.pos + n > this.size) throw new GgufHeaderError({ kind: "truncated", at: this.pos + n, size: this.size });
    if (this.pos + n > MAX_HEADER_BYTES) throw new GgufHeaderError({ kind: "corrupt", detail: `header larger than ${MAX_HEADER_BYTES} bytes` });
    this.pos += n;
  }

  async skipValue(type: number, depth: number): Promise<void> {
    const scalar = SCALAR_BYTES[type];
    if (scalar !== undefined) return this.skip(scalar);
    if (type === STRING) return this.skip(await this.length(this.size, "string"));
    if (type !== ARRAY || depth > 2) throw new GgufHeaderError({ kind: "corrupt", detail: `metadata value type ${type}` });
    const itemType = await this.u32();
    const count = await this.u64();
    if (count > MAX_ARRAY_ITEMS) throw new GgufHeaderError({ kind: "corrupt", detail: `array of ${count} items` });
    const itemBytes = SCALAR_BYTES[itemType];
    if (itemBytes !== undefined) return this.skip(count * itemBytes);
    for (let i = 0; i < count; i++) await this.skipValue(itemType, depth + 1);
  }
}
