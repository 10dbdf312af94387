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

/**
 * The 知识库 screen end to end over `govdesk serve` in Chromium: create a
 * base, add a folder by path (a 3-page 公文 PDF, GBK text, a bad file), see
 * statuses and metadata, search with highlighted snippets and open the
 * preview at the hit's page.
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
});
