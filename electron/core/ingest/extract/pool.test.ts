import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { prepareFile } from "../prepare";
import { applySpans, findPersonalData } from "../../security/redact/redact";
import { extractFile } from "./index";
import { EXTRACT_HEAP_MB } from "./limits";
import { ExtractPool } from "./pool";

/** The corpus PDF that needs the most heap to extract (measured: bench/memory); present only on some machines. */
const HEAVIEST = "/work/shared/corpus/dongguan_gov_order_138_public_rental_housing.pdf";

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

  it("replaces a thread after recycleAfter files, so parser caches cannot pile up over a large folder", async () => {
    const p = join(dir, "通知 三.txt");
    await writeFile(p, "一、总体要求\n坚持安全与发展并重。");
    const pool = new ExtractPool(1);
    pool.recycleAfter = 2;
    try {
      for (let i = 0; i < 5; i++) expect((await pool.prepare(p)).doc.title).toBe("一、总体要求");
      // Files 1–2 on the first thread, 3–4 on the second, 5 on the third.
      expect(pool.spawned).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it("extracts a file (no chunking) and redacts a text in a worker thread, as in this thread", async () => {
    const p = join(dir, "通知 二.txt");
    await writeFile(p, "一、总体要求\n联系人手机 13812345678。");
    const pool = new ExtractPool(1);
    try {
      expect(await pool.extract(p)).toEqual(await extractFile(p));
      const text = "联系人手机 13812345678，身份证 11010519491231002X。";
      const spans = findPersonalData(text);
      expect(await pool.redact(text)).toEqual({ redacted: applySpans(text, spans), spans });
      await expect(pool.extract(join(dir, "missing.docx"))).rejects.toThrow(/找不到文件/);
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

  it.skipIf(!existsSync(HEAVIEST))("a file that outgrows the thread's heap cap fails alone with a clear message; the thread is replaced and the next files go on", async () => {
    // 128 MB: room for a thread from source (tsx) with pdfjs loaded (the other corpus PDFs extract in it), not
    // for this PDF in a fresh thread (measured: fails at 128 and 192, extracts at 224; the default is EXTRACT_HEAP_MB).
    const txt = join(dir, "短.txt");
    await writeFile(txt, "一、总体要求\n坚持安全与发展并重。");
    const pool = new ExtractPool(1, undefined, true, 128);
    try {
      const heavy = pool.prepare(HEAVIEST);
      const queued = pool.prepare(txt); // waits for the only thread, which dies of the heavy PDF
      await expect(heavy).rejects.toMatchObject({
        code: "INVALID_INPUT",
        detail: "ERR_WORKER_OUT_OF_MEMORY",
        message: expect.stringMatching(/^文件过于复杂，解析所需内存超过上限（128 MB）.*拆分.*：.*dongguan_gov_order_138.*\.pdf$/),
      });
      expect((await queued).doc.title).toBe("一、总体要求");
      // The replacement thread goes on with the next files, a real PDF included.
      expect((await pool.prepare(join(dirname(HEAVIEST), "huizhou_huifu_2015_158_basic_medical_insurance.pdf"))).doc.meta.docNumber).toBe("惠府〔2015〕158号");
    } finally {
      await pool.close();
    }
  }, 180_000);

  it.skipIf(!existsSync(HEAVIEST))("the default heap cap leaves room for the heaviest corpus PDF", async () => {
    const pool = new ExtractPool(1);
    try {
      expect(pool.heapMb).toBe(EXTRACT_HEAP_MB);
      const r = await pool.prepare(HEAVIEST);
      expect(r.doc.pages.length).toBeGreaterThan(10);
      expect(r.doc.meta.docNumber).toBeTruthy();
    } finally {
      await pool.close();
    }
  }, 120_000);
});
