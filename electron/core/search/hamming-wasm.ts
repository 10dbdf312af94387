/**
 * The Hamming-distance scan as a tiny WebAssembly module (i64.popcnt is one
 * machine instruction; the same loop in JavaScript needs ~12 operations per
 * 32 bits and was most of a query's time at a million chunks). The module
 * is assembled here from its instructions, below in WAT-like form, so there
 * is no binary blob and no toolchain: ~200 bytes, validated by the engine.
 *
 *   dist(n, stride, bits, q, contents, allowed, allowedLen, d, hist)
 *     for row i < n: c = contents[i]
 *       if c >= allowedLen or allowed[c] == 0: d[i] = 0xFFFF
 *       else d[i] = Σ popcnt64(bits[i*stride + w] ^ q[w]) over w < stride step 8; hist[d[i]]++
 *   collect(n, d, cut, out) -> k
 *     out[k++] = i for every i with d[i] <= cut
 *
 * All pointers are byte offsets into the imported memory, which is shared
 * (a second thread may run `dist` over it: scan-thread.ts); `stride` is a
 * multiple of 8 bytes (rows are zero-padded to whole 64-bit words).
 */

const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d,
  get: 0x20, set: 0x21,
  i32Load: 0x28, i64Load: 0x29, i32Load8u: 0x2d, i32Load16u: 0x2f, i32Store: 0x36, i32Store16: 0x3b,
  i32Const: 0x41, i64Const: 0x42,
  i32Eqz: 0x45, i32LeU: 0x4d, i32GeU: 0x4f,
  i32Add: 0x6a, i32Shl: 0x74, i64Popcnt: 0x7b, i64Add: 0x7c, i64Xor: 0x85, i32WrapI64: 0xa7,
} as const;
const EMPTY = 0x40;
const I32 = 0x7f;
const I64 = 0x7e;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

const get = (i: number) => [op.get, ...uleb(i)];
const set = (i: number) => [op.set, ...uleb(i)];
const i32 = (v: number) => [op.i32Const, ...sleb(v)];
/** memarg: alignment exponent, offset 0 */
const mem = (code: number, align: number) => [code, align, 0];
/** base + (index << shift) */
const addr = (base: number, index: number, shift: number) => [...get(base), ...get(index), ...i32(shift), op.i32Shl, op.i32Add];

// dist: params 0 n, 1 stride, 2 bits, 3 q, 4 contents, 5 allowed, 6 allowedLen, 7 d, 8 hist; locals 9 i, 10 row, 11 w, 12 c (i32), 13 acc (i64)
const dist = [
  ...get(2), ...set(10),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(9), ...get(0), op.i32GeU, op.brIf, 1,
  ...addr(4, 9, 2), ...mem(op.i32Load, 2), ...set(12),
  op.block, EMPTY, // row done
  op.block, EMPTY, // row skipped
  ...get(12), ...get(6), op.i32GeU, op.brIf, 0,
  ...get(5), ...get(12), op.i32Add, ...mem(op.i32Load8u, 0), op.i32Eqz, op.brIf, 0,
  op.i64Const, 0, ...set(13),
  ...i32(0), ...set(11),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(11), ...get(1), op.i32GeU, op.brIf, 1,
  ...get(13),
  ...get(10), ...get(11), op.i32Add, ...mem(op.i64Load, 3),
  ...get(3), ...get(11), op.i32Add, ...mem(op.i64Load, 3),
  op.i64Xor, op.i64Popcnt, op.i64Add, ...set(13),
  ...get(11), ...i32(8), op.i32Add, ...set(11),
  op.br, 0,
  op.end,
  op.end,
  ...addr(7, 9, 1), ...get(13), op.i32WrapI64, ...mem(op.i32Store16, 1),
  ...get(8), ...get(13), op.i32WrapI64, ...i32(2), op.i32Shl, op.i32Add,
  ...get(8), ...get(13), op.i32WrapI64, ...i32(2), op.i32Shl, op.i32Add, ...mem(op.i32Load, 2),
  ...i32(1), op.i32Add, ...mem(op.i32Store, 2),
  op.br, 1,
  op.end, // skipped:
  ...addr(7, 9, 1), ...i32(0xffff), ...mem(op.i32Store16, 1),
  op.end, // done:
  ...get(10), ...get(1), op.i32Add, ...set(10),
  ...get(9), ...i32(1), op.i32Add, ...set(9),
  op.br, 0,
  op.end,
  op.end,
  op.end,
];

// collect: params 0 n, 1 d, 2 cut, 3 out; locals 4 i, 5 k; returns k
const collect = [
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(4), ...get(0), op.i32GeU, op.brIf, 1,
  ...addr(1, 4, 1), ...mem(op.i32Load16u, 1), ...get(2), op.i32LeU,
  op.if, EMPTY,
  ...addr(3, 5, 2), ...get(4), ...mem(op.i32Store, 2),
  ...get(5), ...i32(1), op.i32Add, ...set(5),
  op.end,
  ...get(4), ...i32(1), op.i32Add, ...set(4),
  op.br, 0,
  op.end,
  op.end,
  ...get(5),
  op.end,
];

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const body = (locals: number[][], code: number[]) => {
  const b = [...vec(locals), ...code];
  return [...uleb(b.length), ...b];
};

const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec(Array.from({ length: 9 }, () => [I32])), 0], [0x60, ...vec(Array.from({ length: 4 }, () => [I32])), 1, I32]])),
  // memory import: shared (flags 3: shared, with a maximum), 1 page to 65536 (4 GB), so the scan thread can run over the same rows
  ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x03, 1, ...uleb(65536)]])),
  ...section(3, vec([[0], [1]])),
  ...section(7, vec([[...name("dist"), 0x00, 0], [...name("collect"), 0x00, 1]])),
  ...section(10, vec([body([[4, I32], [1, I64]], dist), body([[2, I32]], collect)])),
]);

export interface HammingKernel {
  dist(n: number, stride: number, bits: number, q: number, contents: number, allowed: number, allowedLen: number, d: number, hist: number): void;
  collect(n: number, d: number, cut: number, out: number): number;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled module (compiled once; a thread instantiates it over the same shared memory: scan-thread.ts). */
export function hammingModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(MODULE);
  return compiled;
}

/** An instance of the kernel over `memory`, a shared memory (the caller lays out the arrays in it). */
export function hammingKernel(memory: WebAssembly.Memory): HammingKernel {
  return new WebAssembly.Instance(hammingModule(), { env: { memory } }).exports as unknown as HammingKernel;
}
