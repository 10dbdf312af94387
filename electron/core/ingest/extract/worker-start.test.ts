import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { NOTICE_PAGES, writePdf } from "../testing/fixtures";
import { EXTRACT_HEAP_MB } from "./limits";
import { ExtractPool } from "./pool";
import { extractHeapMb, prestartExtraction, takePrestarted } from "./worker-start";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("extraction threads started before the pool (kb add starts them before it opens the core)", () => {
  it("are the pool's first threads, pdfjs preloaded or not, and end with the pool", async () => {
    const pdf = join(dir, "通知.pdf");
    const txt = join(dir, "通知.txt");
    await writePdf(pdf, NOTICE_PAGES);
    await writeFile(txt, "一、总体要求\n坚持安全与发展并重。");
    const [withPdf, plain] = [...prestartExtraction(1, ["pdf"]), ...prestartExtraction(1)];
    const pool = new ExtractPool(2);
    try {
      const [a, b] = await Promise.all([pool.prepare(pdf), pool.prepare(txt)]);
      expect(a.doc.pages.map((p) => p.text).join("\n")).toContain("数据安全");
      expect(b.doc.title).toBe("一、总体要求");
      expect(pool.spawned).toBe(2);
      expect(takePrestarted(EXTRACT_HEAP_MB)).toBeNull(); // both taken
    } finally {
      const exits = [once(withPdf!, "exit"), once(plain!, "exit")];
      await pool.close();
      await Promise.all(exits); // the pool owned them: closing it ended them
    }
  });

  it("a thread with another heap cap, or one that has ended, is not taken", async () => {
    const [w] = prestartExtraction(1, ["pdf"]);
    const exited = once(w!, "exit");
    // A pool with IT's own cap: the prestarted threads are ended, not left loading pdfjs.
    expect(takePrestarted(EXTRACT_HEAP_MB + 1)).toBeNull();
    await exited;
    expect(takePrestarted(EXTRACT_HEAP_MB)).toBeNull();
    // A pool without prestarted threads starts its own.
    const pool = new ExtractPool(1);
    try {
      const p = join(dir, "二.txt");
      await writeFile(p, "二、工作任务\n每季度开展一次自查。");
      expect((await pool.prepare(p)).doc.title).toBe("二、工作任务");
      expect(pool.spawned).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

const GiB = 1024 ** 3;

/**
 * Full (mark-compact) GCs in a thread whose old generation is capped at `capMb`, on a
 * parser-like load: a ~20 MB live set whose objects live long enough to be promoted, then die.
 */
async function fullGcsAt(capMb: number): Promise<number> {
  const code = `
    const { PerformanceObserver, constants } = require("node:perf_hooks");
    let full = 0;
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++; });
    obs.observe({ entryTypes: ["gc"] });
    const ring = new Array(200);
    for (let i = 0; i < 4000; i++) ring[i % 200] = Array.from({ length: 1000 }, (_, j) => ({ i, j, s: "x" + j }));
    setTimeout(() => { obs.disconnect(); require("node:worker_threads").parentPort.postMessage(full); }, 50);`;
  const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: capMb } });
  const [full] = (await once(worker, "message")) as [number];
  await worker.terminate();
  return full;
}

describe("extraction threads' heap cap", () => {
  it("is an eighth of the machine's memory, from 512 MB to 2 GB", () => {
    expect(extractHeapMb(2 * GiB)).toBe(512);
    expect(extractHeapMb(4 * GiB)).toBe(512);
    expect(extractHeapMb(8 * GiB)).toBe(1024);
    expect(extractHeapMb(16 * GiB)).toBe(2048);
    expect(extractHeapMb(256 * GiB)).toBe(2048);
    expect(EXTRACT_HEAP_MB).toBeGreaterThanOrEqual(512);
  });

  it("at 16 GB of memory and up, lets V8 grow the heap fully: far fewer full GCs than a 512 MB cap on the same load", async () => {
    const [capped, full] = [await fullGcsAt(512), await fullGcsAt(extractHeapMb(16 * GiB))];
    // Measured on Node 20: 8 against 3-4 (V8 grows a heap capped under 2 GB 1.3-2x per full GC, otherwise up to 4x).
    expect(full).toBeLessThan(capped * 0.75);
  }, 30_000);
});
