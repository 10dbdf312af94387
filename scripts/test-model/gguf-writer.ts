/**
 * A tiny, pure GGUF v3 writer.
 *
 * Why this exists: GovDesk's tests need a *real* model file that the real
 * node-llama-cpp / llama.cpp can load, but we cannot download one (the app and
 * its CI are offline) and we do not want a multi-GB binary in the repository.
 * So tests generate a few-hundred-KB model on the fly. This module only knows
 * the container format; what goes into it lives in ./tiny-llama.ts.
 *
 * Layout (see ggml's docs/gguf.md), everything little-endian:
 *   magic "GGUF" | u32 version=3 | u64 tensor_count | u64 kv_count
 *   kv_count  x { string key | u32 value_type | value }
 *   tensor_count x { string name | u32 n_dims | u64 dims[n_dims] | u32 ggml_type | u64 offset }
 *   zero padding up to ALIGNMENT
 *   tensor data, each tensor starting at a multiple of ALIGNMENT (offsets are
 *   relative to the start of this data section)
 * A "string" is u64 byte length + UTF-8 bytes, no terminator.
 *
 * The output is a pure function of the input: no timestamps, no randomness,
 * and keys/tensors are written in exactly the order given, so the same
 * description always yields byte-identical files (tests compare sha256).
 */

/** Default GGUF alignment; we never write `general.alignment`, so readers assume 32. */
export const GGUF_ALIGNMENT = 32;

/** GGUF metadata value type ids (gguf.md, `gguf_metadata_value_type`). */
// (A plain object rather than an enum so the file stays erasable-syntax-only.)
const ValueType = { UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9 } as const;

/** ggml tensor type id for 32-bit float; the only type we emit. */
const GGML_TYPE_F32 = 0;

/** The subset of metadata value kinds a small llama-style model needs. */
export type GgufValue =
    | { type: "uint32"; value: number }
    | { type: "int32"; value: number }
    | { type: "float32"; value: number }
    | { type: "bool"; value: boolean }
    | { type: "string"; value: string }
    | { type: "string[]"; value: readonly string[] }
    | { type: "float32[]"; value: ArrayLike<number> }
    | { type: "int32[]"; value: ArrayLike<number> };

export interface GgufTensor {
    name: string;
    /** ggml order: innermost (contiguous) dimension first, e.g. token_embd is [n_embd, n_vocab]. */
    dims: readonly number[];
    data: Float32Array;
}

export interface GgufFile {
    /** An ordered list (not an object) so key order is explicit and stable. */
    metadata: ReadonlyArray<readonly [key: string, value: GgufValue]>;
    tensors: readonly GgufTensor[];
}

const utf8 = new TextEncoder();

/** Append-only little-endian byte buffer that grows by doubling. */
class ByteWriter {
    private buf = new Uint8Array(1 << 16);
    private view = new DataView(this.buf.buffer);
    length = 0;

    private reserve(n: number): number {
        const at = this.length;
        if (at + n > this.buf.length) {
            let size = this.buf.length;
            while (size < at + n) size *= 2;
            const next = new Uint8Array(size);
            next.set(this.buf.subarray(0, at));
            this.buf = next;
            this.view = new DataView(next.buffer);
        }
        this.length = at + n;
        return at;
    }

    // Note: reserve() may swap `view`, so it must run before `this.view` is read.
    u8(v: number): void { const at = this.reserve(1); this.view.setUint8(at, v); }
    u32(v: number): void { checkInt(v, 0, 0xffffffff); const at = this.reserve(4); this.view.setUint32(at, v, true); }
    i32(v: number): void { checkInt(v, -0x80000000, 0x7fffffff); const at = this.reserve(4); this.view.setInt32(at, v, true); }
    // Every count/offset we write is far below 2^53, so a JS number is exact.
    u64(v: number): void { checkInt(v, 0, Number.MAX_SAFE_INTEGER); const at = this.reserve(8); this.view.setBigUint64(at, BigInt(v), true); }
    f32(v: number): void { const at = this.reserve(4); this.view.setFloat32(at, v, true); }
    bytes(b: Uint8Array): void { const at = this.reserve(b.length); this.buf.set(b, at); }
    str(s: string): void { const b = utf8.encode(s); this.u64(b.length); this.bytes(b); }
    /** Zero-fill up to the next multiple of `align` (new buffers are already zeroed). */
    pad(align: number): void { this.reserve((align - (this.length % align)) % align); }
    result(): Uint8Array { return this.buf.slice(0, this.length); }
}

function checkInt(v: number, min: number, max: number): void {
    if (!Number.isInteger(v) || v < min || v > max)
        throw new RangeError(`GGUF: ${v} is not an integer in [${min}, ${max}]`);
}

function writeValue(w: ByteWriter, v: GgufValue): void {
    switch (v.type) {
        case "uint32": w.u32(ValueType.UINT32); w.u32(v.value); return;
        case "int32": w.u32(ValueType.INT32); w.i32(v.value); return;
        case "float32": w.u32(ValueType.FLOAT32); w.f32(v.value); return;
        case "bool": w.u32(ValueType.BOOL); w.u8(v.value ? 1 : 0); return;
        case "string": w.u32(ValueType.STRING); w.str(v.value); return;
        case "string[]":
            w.u32(ValueType.ARRAY); w.u32(ValueType.STRING); w.u64(v.value.length);
            for (const s of v.value) w.str(s);
            return;
        case "float32[]":
            w.u32(ValueType.ARRAY); w.u32(ValueType.FLOAT32); w.u64(v.value.length);
            for (let i = 0; i < v.value.length; i++) w.f32(v.value[i]!);
            return;
        case "int32[]":
            w.u32(ValueType.ARRAY); w.u32(ValueType.INT32); w.u64(v.value.length);
            for (let i = 0; i < v.value.length; i++) w.i32(v.value[i]!);
            return;
    }
}

/** Serialise a model description to GGUF v3 bytes. Throws on inconsistent input. */
export function writeGguf(file: GgufFile): Uint8Array {
    const keys = new Set<string>();
    for (const [key] of file.metadata) {
        if (keys.has(key)) throw new Error(`GGUF: duplicate metadata key ${key}`);
        keys.add(key);
    }
    const names = new Set<string>();
    for (const t of file.tensors) {
        if (names.has(t.name)) throw new Error(`GGUF: duplicate tensor ${t.name}`);
        names.add(t.name);
        const count = t.dims.reduce((a, b) => a * b, 1);
        if (t.dims.length < 1 || t.dims.length > 4 || count !== t.data.length)
            throw new Error(`GGUF: tensor ${t.name} dims [${t.dims.join(", ")}] do not match ${t.data.length} values`);
    }

    const w = new ByteWriter();
    w.bytes(utf8.encode("GGUF"));
    w.u32(3);
    w.u64(file.tensors.length);
    w.u64(file.metadata.length);
    for (const [key, value] of file.metadata) {
        w.str(key);
        writeValue(w, value);
    }

    // Tensor infos: offsets are laid out exactly as the data section below writes them.
    let offset = 0;
    for (const t of file.tensors) {
        w.str(t.name);
        w.u32(t.dims.length);
        for (const d of t.dims) w.u64(d);
        w.u32(GGML_TYPE_F32);
        w.u64(offset);
        offset += Math.ceil((t.data.length * 4) / GGUF_ALIGNMENT) * GGUF_ALIGNMENT;
    }

    // llama.cpp mmaps the data section, so it and each tensor must be aligned.
    w.pad(GGUF_ALIGNMENT);
    for (const t of file.tensors) {
        for (let i = 0; i < t.data.length; i++) w.f32(t.data[i]!);
        w.pad(GGUF_ALIGNMENT);
    }
    return w.result();
}
