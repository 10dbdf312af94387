import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { prepareFile } from "../prepare";
import { ExtractPool } from "./pool";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("ExtractPool (worker threads from TypeScript source)", () => {
  it("extracts, chunks and segments in worker threads with the same result as in this thread, and reports errors as data", async () => {
    const p = join(dir, "通知 一.txt");
    await writeFile(p, "一、总体要求\n坚持安全与发展并重。\n二、工作任务\n每季度开展一次自查。");
    const pool = new ExtractPool(2);
    try {
      expect(pool.usesWorkers).toBe(true);
      const [a, b] = await Promise.all([pool.prepare(p), pool.prepare(p)]);
      expect(a).toEqual(await prepareFile(p));
      expect(b.chunks.map((c) => c.headingPath)).toEqual([["一、总体要求"], ["二、工作任务"]]);
      await expect(pool.prepare(join(dir, "missing.pdf"))).rejects.toThrow(/找不到文件/);
      // The pool keeps serving after an error.
      expect((await pool.prepare(p)).doc.title).toBe("一、总体要求");
    } finally {
      await pool.close();
    }
  });

  it("a cancel ends the file's thread (OCR cannot stop mid-page): CANCELLED, and the pool keeps serving", async () => {
    const p = join(dir, "大.txt");
    await writeFile(p, "第一章 总则\n".repeat(200_000));
    const pool = new ExtractPool(1);
    try {
      const ac = new AbortController();
      const running = pool.prepare(p, ac.signal);
      setTimeout(() => ac.abort(), 5);
      await expect(running).rejects.toMatchObject({ code: "CANCELLED" });
      const small = join(dir, "小.txt");
      await writeFile(small, "二、工作任务\n每季度开展一次自查。");
      expect((await pool.prepare(small)).doc.title).toBe("二、工作任务");
    } finally {
      await pool.close();
    }
  });
});
