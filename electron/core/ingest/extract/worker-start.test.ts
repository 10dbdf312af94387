import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { NOTICE_PAGES, writePdf } from "../testing/fixtures";
import { EXTRACT_HEAP_MB } from "./limits";
import { ExtractPool } from "./pool";
import { prestartExtraction, takePrestarted } from "./worker-start";

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
    const [w] = prestartExtraction(1);
    expect(takePrestarted(EXTRACT_HEAP_MB + 1)).toBeNull();
    await w!.terminate();
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
