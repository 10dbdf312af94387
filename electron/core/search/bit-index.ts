import { hammingKernel, type HammingKernel } from "./hamming-wasm";
import { settleScan, startScan } from "./scan-thread";

/**
 * The sign bits (binary quantisation) of one dimension's vectors, in
 * WebAssembly memory so that a query's Hamming distance to every row is
 * one pass of the kernel (hamming-wasm.ts): 1M × 384 dims is 48 MB and
 * ~5 ms. Rows change one at a time (put, remove) as vectors are written,
 * so the index never has to be reloaded for a write; vector-index.ts keeps
 * it in step with the database and persists it (bit-index-file.ts).
 *
 * Memory layout (byte offsets, 8-aligned), for `cap` rows and content ids
 * below `allowedCap`; the memory is shared (a large index is scanned on a
 * second thread: scan-thread.ts) and never grows: more room is a new memory.
 *   bits  cap × stride | contents cap × 4 | d cap × 2 | out cap × 4 | hist | q stride | allowed allowedCap
 */
const MAX_DIM = 8192;
const HIST_BYTES = (MAX_DIM + 1) * 4;
const PAGE = 65536;
const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Bytes per row: the sign bits rounded up to whole 64-bit words (the kernel reads 8 bytes at a time). */
export function strideFor(dim: number): number {
  return Math.ceil(dim / 64) * 8;
}

/** Sign bits of a vector, in vec_quantize_binary's layout (bit i of byte j = element 8j + i > 0), zero-padded to the stride. */
export function quantizeInto(v: Float32Array, out: Uint8Array): Uint8Array {
  out.fill(0);
  for (let i = 0; i < v.length; i++) if (v[i]! > 0) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

export function quantize(v: Float32Array): Uint32Array {
  return new Uint32Array(quantizeInto(v, new Uint8Array(strideFor(v.length))).buffer);
}

/** Smallest distance d with at least `want` rows at distance <= d. */
function cutFor(hist: Uint32Array, want: number): number {
  let seen = 0;
  for (let d = 0; d < hist.length; d++) {
    seen += hist[d]!;
    if (seen >= want) return d;
  }
  return hist.length - 1;
}

export class BitIndex {
  readonly stride: number;
  /** Log sequence number (kb_vec_log) this index reflects. */
  seq = 0;
  private n = 0;
  private cap = 0;
  private allowedCap = 0;
  private ids = new Float64Array(0);
  /** chunk id → row + 1 (0: absent) */
  private rowOf = new Int32Array(0);
  private maxContent = 0;
  private memory!: WebAssembly.Memory;
  private kernel!: HammingKernel;
  private at = { contents: 0, d: 0, out: 0, hist: 0, q: 0, allowed: 0 };

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    if (!Number.isInteger(dim) || dim < 1 || dim > MAX_DIM) throw new Error(`bad embedding dimension ${dim}`);
    this.stride = strideFor(dim);
    this.reserve(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Views of the rows for writing a snapshot (valid until the next change). */
  rows(): { ids: Float64Array; contents: Int32Array; bits: Uint8Array } {
    return {
      ids: this.ids.subarray(0, this.n),
      contents: new Int32Array(this.memory.buffer, this.at.contents, this.n),
      bits: new Uint8Array(this.memory.buffer, 0, this.n * this.stride),
    };
  }

  /** Fills an empty index with `count` rows; `read` copies each array into the views it is given (a file, a database scan). */
  fill(count: number, read: (ids: Float64Array, contents: Int32Array, bits: Uint8Array) => void): void {
    if (this.n) throw new Error("fill: index not empty");
    this.reserve(count);
    const contents = new Int32Array(this.memory.buffer, this.at.contents, count);
    read(this.ids.subarray(0, count), contents, new Uint8Array(this.memory.buffer, 0, count * this.stride));
    this.n = count;
    let maxId = 0;
    for (let i = 0; i < count; i++) maxId = Math.max(maxId, this.ids[i]!);
    this.growRowOf(maxId);
    for (let i = 0; i < count; i++) {
      this.rowOf[this.ids[i]!] = i + 1;
      if (contents[i]! > this.maxContent) this.maxContent = contents[i]!;
    }
  }

  /** Adds or replaces a chunk's row; `bits` is `stride` bytes (quantizeInto). */
  put(chunkId: number, contentId: number, bits: Uint8Array): void {
    this.growRowOf(chunkId);
    let r = this.rowOf[chunkId]! - 1;
    if (r < 0) {
      if (this.n === this.cap) this.reserve(Math.max(1024, Math.ceil(this.cap * 1.5)));
      r = this.n++;
      this.ids[r] = chunkId;
      this.rowOf[chunkId] = r + 1;
    }
    new Int32Array(this.memory.buffer, this.at.contents, this.cap)[r] = contentId;
    if (contentId > this.maxContent) this.maxContent = contentId;
    new Uint8Array(this.memory.buffer, r * this.stride, this.stride).set(bits.subarray(0, this.stride));
  }

  /** Drops a chunk's row (the last row moves into its place). */
  remove(chunkId: number): void {
    const r = chunkId < this.rowOf.length ? this.rowOf[chunkId]! - 1 : -1;
    if (r < 0) return;
    const last = --this.n;
    this.rowOf[chunkId] = 0;
    if (r === last) return;
    const moved = this.ids[last]!;
    this.ids[r] = moved;
    this.rowOf[moved] = r + 1;
    const contents = new Int32Array(this.memory.buffer, this.at.contents, this.cap);
    contents[r] = contents[last]!;
    new Uint8Array(this.memory.buffer).copyWithin(r * this.stride, last * this.stride, (last + 1) * this.stride);
  }

  /**
   * The ids of the ~`count` chunks nearest to `v` by Hamming distance over
   * all the sign bits, among rows whose content is allowed (all when
   * `allowed` is absent): a histogram of distances gives the cut, so
   * nothing is sorted but the few rows inside it.
   */
  nearest(v: Float32Array, count: number, allowed?: Uint8Array): number[] {
    return this.startNearest(v, count, allowed, false)();
  }

  /**
   * Starts the scan and returns what finishes it: the ids, as `nearest`
   * gives them. With `onThread`, a large index is scanned on the scan
   * thread, so the caller can rank keywords meanwhile. Finish it before the
   * index changes or scans again.
   */
  startNearest(v: Float32Array, count: number, allowed?: Uint8Array, onThread = true): () => number[] {
    if (!this.n) return () => [];
    settleScan();
    const gate = allowed ?? new Uint8Array(this.maxContent + 1).fill(1);
    if (gate.length > this.allowedCap) this.reserve(this.cap, Math.ceil(gate.length * 1.5));
    const buf = this.memory.buffer;
    quantizeInto(v, new Uint8Array(buf, this.at.q, this.stride));
    new Uint8Array(buf, this.at.allowed, gate.length).set(gate);
    const hist = new Uint32Array(buf, this.at.hist, this.dim + 1);
    hist.fill(0);
    const n = this.n;
    const args: Parameters<HammingKernel["dist"]> = [n, this.stride, 0, this.at.q, this.at.contents, this.at.allowed, gate.length, this.at.d, this.at.hist];
    const scan = startScan(this.memory, this.kernel, onThread ? n : 0, args, () => hist.fill(0));
    return () => {
      scan.wait();
      const cut = cutFor(hist, count);
      const found = this.kernel.collect(n, this.at.d, cut, this.at.out);
      const rows = new Int32Array(buf, this.at.out, found);
      const d = new Uint16Array(buf, this.at.d, n);
      const near = Array.from(rows, (r) => ({ id: this.ids[r]!, d: d[r]! })).filter((x) => x.d !== 0xffff);
      near.sort((a, b) => a.d - b.d);
      return near.slice(0, count).map((x) => x.id);
    };
  }

  /** Room for `cap` rows and content ids below `allowedCap`: a new memory with the rows copied over (rare: capacity grows by half). */
  private reserve(cap: number, allowedCap = Math.max(this.allowedCap, 65536)): void {
    if (cap <= this.cap && allowedCap <= this.allowedCap && this.memory) return;
    cap = Math.max(cap, this.cap);
    const at = {
      contents: align8(cap * this.stride),
      d: 0,
      out: 0,
      hist: 0,
      q: 0,
      allowed: 0,
    };
    at.d = at.contents + align8(cap * 4);
    at.out = at.d + align8(cap * 2);
    at.hist = at.out + align8(cap * 4);
    at.q = at.hist + HIST_BYTES;
    at.allowed = at.q + align8(this.stride);
    const pages = Math.ceil((at.allowed + allowedCap) / PAGE);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    if (this.memory) {
      const old = this.memory.buffer;
      new Uint8Array(memory.buffer).set(new Uint8Array(old, 0, this.n * this.stride));
      new Int32Array(memory.buffer, at.contents, this.n).set(new Int32Array(old, this.at.contents, this.n));
    }
    const ids = new Float64Array(cap);
    ids.set(this.ids.subarray(0, this.n));
    this.ids = ids;
    this.memory = memory;
    this.kernel = hammingKernel(memory);
    this.at = at;
    this.cap = cap;
    this.allowedCap = allowedCap;
  }

  private growRowOf(chunkId: number): void {
    if (chunkId < this.rowOf.length) return;
    const next = new Int32Array(Math.max(1024, Math.ceil((chunkId + 1) * 1.25)));
    next.set(this.rowOf);
    this.rowOf = next;
  }
}
