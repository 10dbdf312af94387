import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { tempDir } from "../electron/core/testing/temp-dir";
import { openApp, type OpenApp } from "./fixtures/app";
import { SummarisePage } from "./pages/assistant";

/*
 * The renderer may only name files the user chose (issue #7): under serve,
 * folders given with --allow-dir. A path outside them typed into the UI is
 * refused with the reason in Chinese and nothing is read; one inside works.
 * A browser does not reveal where a dropped file lies: the UI says to type it.
 */
let app: OpenApp;
let page: Page;
let allowed: { dir: string; cleanup: () => void };
let outside: { dir: string; cleanup: () => void };

beforeAll(async () => {
  allowed = tempDir("govdesk-e2e-paths-");
  outside = tempDir("govdesk-e2e-outside-");
  writeFileSync(join(allowed.dir, "通知.txt"), "关于做好年度考核工作的通知。各单位应于十二月底前完成考核。考核结果报人事处备案。");
  writeFileSync(join(outside.dir, "机密.txt"), "不应被读取的内容。这里有机密。");
  app = await openApp(join(allowed.dir, "data"), { allowDirs: [allowed.dir], ready: true });
  ({ page } = app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  allowed?.cleanup();
  outside?.cleanup();
});

describe("paths typed or dropped in the browser UI", () => {
  it("refuses a file outside the allowed folders when it is added, saying why and what to do", async () => {
    const sum = new SummarisePage(page);
    await sum.open();
    await sum.addPath(join(outside.dir, "机密.txt"));
    await page.getByTestId("summarise-rejected").getByText("不能读取该文件", { exact: false }).waitFor({ timeout: 30_000 });
    expect(await page.getByText("--allow-dir").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("summarise-source").count()).toBe(0);
    expect(await sum.result().count()).toBe(0);
  }, 60_000);

  it("summarises a file inside an allowed folder", async () => {
    const sum = new SummarisePage(page);
    await page.getByTestId("summarise-extractive").click();
    await sum.addPath(join(allowed.dir, "通知.txt"));
    await sum.start();
    await sum.result().waitFor({ timeout: 30_000 });
    expect(await sum.result().innerText()).toContain("考核");
  }, 60_000);

  it("a file dropped on the 摘要 form: in a browser its path is unknown, so the user is told to type it", async () => {
    await page.evaluate(() => {
      const zone = document.querySelector('[data-testid="summarise-drop"]')!;
      const data = new DataTransfer();
      data.items.add(new File(["x"], "拖入.pdf", { type: "application/pdf" }));
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByText("浏览器模式下无法得知拖入文件的位置").waitFor({ timeout: 10_000 });
  }, 30_000);
});
