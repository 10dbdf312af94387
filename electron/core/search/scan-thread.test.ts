import { afterAll, describe, expect, it } from "vitest";
import { BitIndex, quantizeInto, strideFor } from "./bit-index";
import { scanThreadReady, stopScanThread, THREAD_MIN_ROWS, warmScanThread } from "./scan-thread";

/** A seeded stream in [0, 1). */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const DIM = 128;
const ROWS = THREAD_MIN_ROWS + 5_000;

/** An index of `rows` random sign-bit rows, content id = row / 10; and the rows' bits for the reference. */
function randomIndex(seed: number, rows = ROWS): { ix: BitIndex; bits: Uint8Array } {
  let s = seed >>> 0 || 1;
  const all = new Uint8Array(rows * strideFor(DIM));
  const words = new Uint32Array(all.buffer);
  for (let i = 0; i < words.length; i++) {
    // xorshift32: cheap enough for 2M rows
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    words[i] = s >>> 0;
  }
  const ix = new BitIndex(DIM, 1024);
  ix.fill(rows, (ids, contents, bits) => {
    for (let i = 0; i < rows; i++) {
      ids[i] = i + 1;
      contents[i] = 1 + Math.floor(i / 10);
    }
    bits.set(all);
  });
  return { ix, bits: all };
}

/** Every allowed row's distance, by plain JavaScript: the ids of the `count` nearest, ties broken as the index may (compared as sets of distances). */
function referenceDistances(bits: Uint8Array, rows: number, q: Float32Array, allowed?: (content: number) => boolean): Map<number, number> {
  const stride = strideFor(DIM);
  const qb = quantizeInto(q, new Uint8Array(stride));
  const out = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    if (allowed && !allowed(1 + Math.floor(i / 10))) continue;
    let d = 0;
    for (let j = 0; j < stride; j++) {
      let x = bits[i * stride + j]! ^ qb[j]!;
      for (; x; x &= x - 1) d++;
    }
    out.set(i + 1, d);
  }
  return out;
}

/** The nearest ids are right when their distances are the `count` smallest of the reference (ties may pick different ids). */
function expectNearest(ids: number[], ref: Map<number, number>, count: number): void {
  expect(ids).toHaveLength(count);
  const smallest = [...ref.values()].sort((a, b) => a - b).slice(0, count);
  expect(ids.map((id) => ref.get(id)!).sort((a, b) => a - b)).toEqual(smallest);
}

const query = (seed: number): Float32Array => {
  const r = rng(seed);
  return Float32Array.from({ length: DIM }, () => r() - 0.5);
};

afterAll(() => stopScanThread());

describe("scan thread", () => {
  it("scans a large index on the second thread with the same result as a scan here", async () => {
    const { ix, bits } = randomIndex(3);
    await stopScanThread();
    // Before the thread is ready the caller scans (the first scan also starts the thread).
    expect(scanThreadReady()).toBe(false);
    expectNearest(ix.startNearest(query(11), 50)(), referenceDistances(bits, ROWS, query(11)), 50);
    // That scan asked for the thread; it starts after the task and is soon ready, without anyone waiting for it.
    expect(scanThreadReady()).toBe(false);
    for (let i = 0; i < 200 && !scanThreadReady(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(scanThreadReady()).toBe(true);
    for (const seed of [12, 13, 14]) expectNearest(ix.startNearest(query(seed), 50)(), referenceDistances(bits, ROWS, query(seed)), 50);
  });

  it("scans while the caller works, gated by contents, and follows the index into a new memory when it grows", async () => {
    const { ix, bits } = randomIndex(5);
    expect(await warmScanThread()).toBe(true);
    const allowed = new Uint8Array(1 + ROWS / 10);
    for (let c = 0; c < allowed.length; c += 3) allowed[c] = 1;
    const finish = ix.startNearest(query(21), 40, allowed);
    let busy = 0;
    for (let i = 0; i < 1e5; i++) busy += i; // the caller's own work meanwhile (a keyword ranking, in a search)
    expect(busy).toBeGreaterThan(0);
    expectNearest(finish(), referenceDistances(bits, ROWS, query(21), (c) => allowed[c] === 1), 40);

    // Past its capacity the index moves to a larger memory: the thread must scan the new one.
    const stride = strideFor(DIM);
    const row = quantizeInto(query(22), new Uint8Array(stride));
    for (let i = 0; i < 3_000; i++) ix.put(ROWS + 1 + i, 1, row);
    expect(scanThreadReady()).toBe(true);
    const near = ix.startNearest(query(22), 3_000)();
    expect(near).toHaveLength(3_000);
    expect(near.every((id) => id > ROWS)).toBe(true);
  });

  it("finishes a scan whose caller never took the result before the next scan starts", async () => {
    const rows = 2_000_000; // a scan of ~10 ms
    const { ix, bits } = randomIndex(9, rows);
    expect(await warmScanThread()).toBe(true);
    // As when the keyword ranking throws between the two halves of a hybrid search.
    ix.startNearest(query(41), 30);
    // Let that scan get going on the thread, so the next one would be laid out while it runs.
    for (const until = performance.now() + 3; performance.now() < until; );
    expectNearest(ix.startNearest(query(42), 30)(), referenceDistances(bits, rows, query(42)), 30);
  });

  it("scans here again once the thread is gone", async () => {
    const { ix, bits } = randomIndex(7);
    expect(await warmScanThread()).toBe(true);
    await stopScanThread();
    expect(scanThreadReady()).toBe(false);
    expectNearest(ix.startNearest(query(31), 25)(), referenceDistances(bits, ROWS, query(31)), 25);
    // A thread ended on purpose is not a failed one: once its exit is seen, a new thread can start.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await warmScanThread()).toBe(true);
    expectNearest(ix.startNearest(query(32), 25)(), referenceDistances(bits, ROWS, query(32)), 25);
  });
});
