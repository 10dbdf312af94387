import { describe, expect, it } from "vitest";
import { batchExtractionThreads, SMALL_BATCH_BYTES } from "./cpus";

describe("extraction threads for a batch", () => {
  it("a large batch gets every core's thread, a small one leaves a core to the index writer", () => {
    const big = SMALL_BATCH_BYTES;
    expect([batchExtractionThreads(big - 1, { threads: 2, physical: 2 }), batchExtractionThreads(big, { threads: 2, physical: 2 })]).toEqual([1, 2]);
    expect([batchExtractionThreads(0, { threads: 1, physical: 1 }), batchExtractionThreads(big, { threads: 1, physical: 1 })]).toEqual([1, 1]);
    expect([batchExtractionThreads(0, { threads: 4, physical: 4 }), batchExtractionThreads(big, { threads: 4, physical: 4 })]).toEqual([3, 4]);
    // Capped by memory or the maximum (threads), a many-core machine keeps them all.
    expect([batchExtractionThreads(0, { threads: 6, physical: 16 }), batchExtractionThreads(big, { threads: 6, physical: 16 })]).toEqual([6, 6]);
  });});
