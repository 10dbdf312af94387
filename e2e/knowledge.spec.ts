import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openApp, type OpenApp } from "./fixtures/app";
import type { ServeProcess } from "./fixtures/serve";
import { ShellPage } from "./pages/shell";
import { KnowledgePage } from "./pages/knowledge";
import { tempDir } from "../electron/core/testing/temp-dir";
import { NOTICE_PAGES, writeGbk, writePdf } from "../electron/core/ingest/testing/fixtures";
import { writeScannedPdf } from "../electron/core/testing/ocr-fixtures";
import { textPage } from "../electron/core/testing/ocr-images";

/**
 * The 知识库 screen end to end over `govdesk serve` in Chromium: create a
 * base, add a folder by path (a 3-page 公文 PDF, GBK text, a bad file), see
 * statuses and metadata, search with highlighted snippets and open the
 * preview at the hit's page; a scanned PDF read by OCR, its hit marked on
 * the drawn scan from the boxes OCR stored.
 */
let app: OpenApp;
let page: Page;
let serve: ServeProcess;
let dir: string;
let folder: string;
let cleanup: () => void;
let pageErrors: string[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-e2e-kb-"));
  folder = join(dir, "公文 资料");
  await mkdir(folder);
  await writePdf(join(folder, "数据安全 通知.pdf"), NOTICE_PAGES);
  await writeGbk(join(folder, "采购.txt"), "关于加强办公用品采购管理的通知\n一、实行季度盘点。各单位每季度末对办公用品进行盘点。\n");
  await writeFile(join(folder, "坏文件.txt"), Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 37) % 256)));
  app = await openApp(join(dir, "data"));
  ({ serve, page, pageErrors } = app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  cleanup();
});

describe("知识库 screen", () => {
  it("creates a base, adds a folder by path, and shows statuses, 公文 metadata and the bad file's reason", async () => {
    const shell = new ShellPage(page);
    await shell.open(serve.url);
    await shell.waitRunning();
    const kb = new KnowledgePage(page);
    await kb.open();
    expect(await kb.vectorState().innerText()).toContain("仅使用关键词检索");
    await kb.createBase("政策文件");
    await kb.add([folder]);
    await kb.documents("ready").nth(1).waitFor({ timeout: 60_000 });
    await kb.documents("failed").first().waitFor();
    expect(await kb.documents().count()).toBe(3);
    const failed = await kb.documents("failed").first().innerText();
    expect(failed).toContain("不是文本文件");
    const pdfRow = kb.documents("ready").filter({ hasText: "江南政办发〔2024〕12号" });
    expect(await pdfRow.innerText()).toContain("成文日期：2024-05-20");
  });

  it("searches with highlighted snippets and opens the preview at the hit's page", async () => {
    const kb = new KnowledgePage(page);
    const hits = await kb.search("离线存储");
    await hits.first().waitFor();
    expect(await hits.first().locator("mark").first().innerText()).toBe("离线存储");
    expect(await hits.first().innerText()).toContain("第 2 页");
    await hits.first().getByTestId("kb-hit-open").click();
    await kb.preview().waitFor();
    expect(await page.getByTestId("kb-preview-page").innerText()).toContain("第 2 / 3 页");
    // A PDF opens as its page drawn; its text is one click away.
    await page.locator('[data-testid="kb-preview-pdf"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await page.getByTestId("kb-preview-view").getByText("文字", { exact: true }).click();
    expect(await page.getByTestId("kb-preview-text").innerText()).toContain("涉密数据一律离线存储");
    await page.keyboard.press("Escape");

    const none = await kb.search("盘点", "江南省");
    await page.getByText("没有找到相关内容。").waitFor();
    expect(await none.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("watches a folder: a file dropped into it is indexed and found by search", async () => {
    const watched = join(dir, "监视 目录");
    await mkdir(watched);
    await page.getByTestId("kb-watch-path").fill(watched);
    await page.getByTestId("kb-watch-start").click();
    await page.getByTestId("kb-watch-on").waitFor();
    await writeGbk(join(watched, "新到文件.txt"), "关于做好节假日值班工作的通知\n各单位要安排专人值班。\n");
    const kb = new KnowledgePage(page);
    // The table refreshes when the user searches or reloads; poll through the search box.
    const end = Date.now() + 30_000;
    let found = 0;
    while (Date.now() < end && found === 0) {
      found = await (await kb.search("节假日值班", "")).count();
      if (!found) await page.waitForTimeout(500);
    }
    expect(found).toBeGreaterThan(0);
  });

  it("reads a scanned PDF by OCR, and its hit opens the drawn scan with the passage marked from OCR's boxes", async () => {
    const scan = join(dir, "档案 扫描件.pdf");
    // Five lines of a 公文 as a scanner makes them: an image page, no text layer. The cited line is the 5th.
    await writeScannedPdf(scan, [textPage(SCANNED, { width: 900 })]);
    const kb = new KnowledgePage(page);
    await kb.add([scan]);
    const row = kb.documents("ready").filter({ hasText: "档案 扫描件" });
    await row.waitFor({ timeout: 120_000 });
    expect(await row.getByTestId("kb-doc-status").getAttribute("data-ocr")).toBe("1");

    const hits = await kb.search("统一归档");
    await hits.first().waitFor();
    await hits.first().getByTestId("kb-hit-open").click();
    // The previous test left the preview on its text view; the user turns back to the page.
    await page.getByTestId("kb-preview-view").getByText("原页面", { exact: true }).click();
    const drawn = page.locator('[data-testid="kb-preview-pdf"][data-rendered="true"]');
    await drawn.waitFor({ timeout: 60_000 });
    const m = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="kb-preview-pdf"] canvas') as HTMLCanvasElement;
      const c = canvas.getBoundingClientRect();
      const sx = canvas.width / c.width;
      const sy = canvas.height / c.height;
      const px = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const dark = (x: number, y: number): boolean => px[(y * canvas.width + x) * 4]! < 128;
      // The drawn page's text lines: bands of rows with ink, top to bottom.
      const bands: [number, number][] = [];
      for (let y = 0, start = -1; y <= canvas.height; y++) {
        let ink = false;
        for (let x = 0; y < canvas.height && x < canvas.width && !ink; x += 2) ink = dark(x, y);
        if (ink && start < 0) start = y;
        if (!ink && start >= 0) {
          bands.push([start / sy + c.top, y / sy + c.top]);
          start = -1;
        }
      }
      const marks = [...document.querySelectorAll('[data-testid="citation-highlight"]')].map((e) => {
        const r = e.getBoundingClientRect();
        let ink = 0;
        let all = 0;
        for (let y = Math.floor((r.top - c.top) * sy); y < (r.bottom - c.top) * sy; y += 2)
          for (let x = Math.floor((r.left - c.left) * sx); x < (r.right - c.left) * sx; x += 2, all++) if (dark(x, y)) ink++;
        return { from: e.getAttribute("data-from"), top: r.top, bottom: r.bottom, inkShare: ink / Math.max(1, all) };
      });
      return { bands, marks };
    });
    // One band per line of the scan. The marks come from OCR's boxes: each lies on a line of the scan
    // and covers its ink, and the snippet's passage ends on the 5th line, where 统一归档 is.
    expect(m.bands.length).toBe(SCANNED.length);
    expect(m.marks.length).toBeGreaterThan(0);
    const bandOf = (mark: { top: number; bottom: number }): number => {
      const centre = (mark.top + mark.bottom) / 2;
      return m.bands.findIndex(([top, bottom]) => centre > top && centre < bottom);
    };
    for (const mark of m.marks) {
      expect(mark.from).toBe("ocr");
      expect(bandOf(mark)).toBeGreaterThanOrEqual(0);
      expect(mark.inkShare).toBeGreaterThan(0.05);
    }
    expect(bandOf(m.marks.at(-1)!)).toBe(4);
    await page.getByTestId("kb-preview-view").getByText("文字", { exact: true }).click();
    expect(await page.getByTestId("kb-preview-text").innerText()).toContain("统一归档");
    await page.keyboard.press("Escape");
    expect(pageErrors).toEqual([]);
  }, 240_000);
});

const SCANNED = ["江南省档案局文件", "江南档发〔2024〕3号", "关于开展档案数字化工作的通知", "各市档案局，省直各单位：", "纸质档案扫描后统一归档保存。"];
