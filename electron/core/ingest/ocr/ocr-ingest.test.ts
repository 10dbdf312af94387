import { readdirSync, statSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobProgress } from "../../../common/contract";
import { runJob } from "../../../common/rpc/run-job";
import { writeGarbledPdf, writeScannedPdf } from "../../testing/ocr-fixtures";
import { encodePng, encodeTiff, textPage } from "../../testing/ocr-images";
import { tempDir } from "../../testing/temp-dir";
import { kbContract, kbCore } from "../testing/kb-core";
import { ocrCacheDir } from "./services";

// The real pipeline (worker threads, PP-OCRv4 on ONNX Runtime, SQLite, FTS5) on scans made here.
let dir: string;
let cleanup: () => void;
let kb: ReturnType<typeof kbCore>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  kb = kbCore(join(dir, "data"));
});
afterEach(async () => {
  delete process.env["GOVDESK_POLICY"];
  kb.client.close();
  await kb.core.close();
  cleanup();
});

const NOTICE = ["江南省人民政府办公厅文件", "江南政办发〔2024〕12号", "关于加强政务数据安全管理的通知", "各市人民政府，省政府各部门：", "涉密数据一律离线存储，严禁连接互联网。"];

function cacheFiles(): string[] {
  const root = ocrCacheDir({ dataDir: join(dir, "data") });
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return out;
}

describe("OCR in kb add and extract", () => {
  it("makes an image-only PDF searchable, marks it 已识别 (OCR) with boxes, and never OCRs the same file twice", async () => {
    const scan = join(dir, "扫描件.pdf");
    await writeScannedPdf(scan, [textPage(NOTICE, { width: 900 })]);
    await kb.client.call("kb.create", { name: "政策" });
    const stages: string[] = [];
    const r = await runJob(kbContract, kb.client, "kb.add", { name: "政策", paths: [scan] }, { onProgress: (p) => void (p.stage === "ocr" && stages.push(`${p.sub?.done}/${p.sub?.total}`)) });
    expect(r).toMatchObject({ ok: 1, failed: [] });
    expect(stages).toContain("1/1");

    const [doc] = (await kb.client.call("kb.documents", { name: "政策" })).documents;
    expect(doc).toMatchObject({ status: "ready", ocrMode: "auto", title: "关于加强政务数据安全管理的通知" });
    expect(doc!.meta).toMatchObject({ docNumber: "江南政办发〔2024〕12号" });
    expect(doc!.ocr).toMatchObject({ pages: 1, unreadable: [] });
    expect(doc!.ocr!.confidence).toBeGreaterThan(0.8);
    expect(doc!.warnings.join()).not.toMatch(/需要 OCR/);

    const { hits } = await kb.client.call("kb.search", { name: "政策", query: "离线存储", k: 3 });
    expect(hits[0]?.path).toBe(scan);
    const preview = await kb.client.call("kb.preview", { documentId: doc!.id, page: 1 });
    expect(preview.source).toBe("ocr");
    const line = preview.ocr!.lines.find((l) => l.text.includes("离线存储"))!;
    // The line's box, as fractions of the page: the last of five lines, in the lower half of the text.
    expect(line.box[1]).toBeGreaterThan(preview.ocr!.lines[0]!.box[1]);
    expect(line.box.every((v) => v >= 0 && v <= 1.01)).toBe(true);

    // The same bytes under another name, in another base: read from the cache, not OCR'd again.
    const cached = cacheFiles();
    expect(cached).toHaveLength(1);
    const mtime = statSync(cached[0]!).mtimeMs;
    await kb.client.call("kb.create", { name: "备份" });
    const copy = join(dir, "副本.pdf");
    await writeFile(copy, await import("node:fs/promises").then((f) => f.readFile(scan)));
    await runJob(kbContract, kb.client, "kb.add", { name: "备份", paths: [copy], ocr: "force" });
    expect(statSync(cached[0]!).mtimeMs).toBe(mtime);
  }, 120_000);

  it("detects a garbled text layer, reads the page by OCR instead, and keeps the mojibake out of the title", async () => {
    const pdf = join(dir, "标准.pdf");
    await writeGarbledPdf(pdf, ["中华人民共和国国家标准", "电子文件存储与交换格式版式文档技术要求", "国家标准化管理委员会发布"]);
    const plain = await kb.client.call("kb.extract", { path: pdf, ocr: "off" });
    expect(plain.pages[0]!.text).toMatch(/犃/);
    expect(plain.warnings.join()).toMatch(/乱码/);
    const doc = await kb.client.call("kb.extract", { path: pdf, ocr: "auto" });
    expect(doc.pages[0]).toMatchObject({ source: "ocr" });
    expect(doc.pages[0]!.text).toContain("电子文件存储与交换格式");
    expect(doc.title).toBe("中华人民共和国国家标准");
    expect(doc.warnings.join()).toMatch(/文字层是乱码/);
  }, 60_000);

  it("reads PNG and multi-page TIFF files as documents; with OCR off by policy they wait, saying so", async () => {
    await writeFile(join(dir, "通知.png"), await encodePng(textPage(["关于开展安全检查的通知"], { width: 600 })));
    await writeFile(join(dir, "两页.tif"), encodeTiff([textPage(["第一页春季防火"], { width: 500 }), textPage(["第二页秋季防汛"], { width: 500 })]));
    const tif = await kb.client.call("kb.extract", { path: join(dir, "两页.tif"), ocr: "auto" });
    expect(tif).toMatchObject({ format: "image" });
    expect(tif.pages.map((p) => [p.source, p.text])).toEqual([["ocr", "第一页春季防火"], ["ocr", "第二页秋季防汛"]]);

    writeFileSync(join(dir, "policy.json"), JSON.stringify({ ocr: { disabled: true } }));
    process.env["GOVDESK_POLICY"] = join(dir, "policy.json");
    const managed = kbCore(join(dir, "data2"));
    const off = await managed.client.call("kb.extract", { path: join(dir, "通知.png"), ocr: "auto" }).finally(async () => {
      managed.client.close();
      await managed.core.close();
    });
    expect(off.pages[0]).toMatchObject({ needsOcr: true, text: "" });
    expect(off.warnings.join()).toMatch(/管理策略已关闭 OCR/);
    expect(off.warnings.join()).toMatch(/需要 OCR/);
  }, 60_000);

  it("a 200-page scan: cancelled while OCR reads it, resumed from the page it reached", async () => {
    const blank = textPage([], { width: 300, margin: 20 });
    const pages = Array.from({ length: 200 }, (_, i) => (i === 0 || i === 199 ? textPage([i ? "末页结束" : "首页开始"], { width: 300, size: 24, margin: 20 }) : blank));
    const scan = join(dir, "长扫描.pdf");
    await writeScannedPdf(scan, pages);
    await kb.client.call("kb.create", { name: "长" });
    const abort = new AbortController();
    let reached = 0;
    const onProgress = (p: JobProgress): void => {
      if (p.stage !== "ocr") return;
      reached = Math.max(reached, p.sub?.done ?? 0);
      if (reached >= 6) abort.abort();
    };
    await expect(runJob(kbContract, kb.client, "kb.add", { name: "长", paths: [scan] }, { signal: abort.signal, onProgress })).rejects.toThrow(/取消/);
    let [doc] = (await kb.client.call("kb.documents", { name: "长" })).documents;
    expect(doc!.status).toBe("queued");
    const done = cacheFiles();
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(done.length).toBeLessThan(200);
    const before = new Map(done.map((f) => [f, statSync(f).mtimeMs]));

    const seen: number[] = [];
    const second = await runJob(kbContract, kb.client, "kb.add", { name: "长", paths: [scan] }, { onProgress: (p) => void (p.stage === "ocr" && seen.push(p.sub?.done ?? 0)) });
    expect(second).toMatchObject({ ok: 1, cancelled: false });
    [doc] = (await kb.client.call("kb.documents", { name: "长" })).documents;
    expect(doc).toMatchObject({ status: "ready", pages: 200 });
    expect(cacheFiles()).toHaveLength(200);
    // Pages read before the cancel came from the cache: not one was read again.
    for (const [f, m] of before) expect(statSync(f).mtimeMs).toBe(m);
    expect(Math.max(...seen)).toBe(200);
    const { hits } = await kb.client.call("kb.search", { name: "长", query: "末页结束", k: 1 });
    expect(hits[0]?.pages).toContain(200);
  }, 180_000);
});
