import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { tempDir } from "../electron/core/testing/temp-dir";
import { docxParts, findPara, firstRun, readDocument } from "../electron/core/drafting/testing/docx-xml";
import { measureLayout } from "../electron/core/drafting/testing/measure";
import { hasSoffice, readLayout, renderPdf } from "../electron/core/drafting/testing/pdf-layout";
import { longNoticeSpec } from "../electron/core/drafting/testing/specs";
import { readFileSync } from "node:fs";
import { openApp, type OpenApp } from "./fixtures/app";
import { DraftPage } from "./pages/draft";

/**
 * 写作 end to end over `govdesk serve` in Chromium, without a model: fill
 * in a 通知 (with a 发文字号 in square brackets and a misused word), check
 * it, fix the findings with one click each, export Word, and measure the
 * downloaded DOCX as the layout test does (LibreOffice → PDF → pdfjs).
 */
let app: OpenApp;
let page: Page;
let dir: string;
let cleanup: () => void;
let pageErrors: string[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-e2e-draft-"));
  app = await openApp(join(dir, "data"), { ready: true });
  ({ page, pageErrors } = app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  cleanup();
});

describe("写作 screen", () => {
  it("drafts a 通知 without a model, checks it, fixes findings, exports a DOCX the layout test accepts", async () => {
    const draft = new DraftPage(page);
    await draft.open();
    const spec = longNoticeSpec(8);
    await draft.field("issuer").fill(spec.issuer);
    await draft.field("number").fill("X政办发[2025]8号");
    await draft.field("subject").fill(spec.subject!);
    expect(await page.getByTestId("draft-composed-title").innerText()).toContain("XX市人民政府办公室关于加强办公用品采购管理的通知");
    await draft.field("to").fill(spec.to!);
    await draft.body().fill(`截止目前，部分单位仍未建立采购台账。\n${spec.body}`);
    await draft.field("date").fill("2025-03-15");

    await draft.check();
    expect(await draft.finding("number.form").count()).toBe(1);
    expect(await draft.finding("words.misused").count()).toBe(1);
    await draft.fix("number.form");
    expect(await draft.field("number").inputValue()).toBe("X政办发〔2025〕8号");
    await draft.fix("words.misused");
    expect(await draft.body().inputValue()).toMatch(/^截至目前/);
    expect(await page.getByTestId("draft-findings-stats").innerText()).not.toMatch(/[1-9]\d* 个错误/);

    const download = await draft.exportDocx();
    const file = join(dir, "通知.docx");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("XX市人民政府办公室关于加强办公用品采购管理的通知.docx");
    const doc = readDocument(docxParts(readFileSync(file))["word/document.xml"]!);
    expect(firstRun(findPara(doc, "X政办发〔2025〕8号")).font).toBe("仿宋_GB2312");
    expect(findPara(doc, "截至目前，部分单位仍未建立采购台账。")).toBeTruthy();

    // The draft was saved as typed and is in the history.
    await draft.status().filter({ hasText: "已保存" }).waitFor({ timeout: 30_000 });
    expect(await draft.drafts().count()).toBe(1);

    if (!hasSoffice()) {
      console.warn("layout measurement skipped: LibreOffice (soffice) is not installed");
    } else {
      const report = measureLayout(await readLayout(await renderPdf(file, dir)));
      console.log(`e2e layout: ${JSON.stringify({ fullPage: report.fullPage, markTopMm: report.markTopMm, redLine: report.redLine, pageNumbers: report.pageNumbers.map((p) => p.text) })}`);
      const p = report.fullPage!;
      expect(p.lines).toBe(22);
      expect(Math.abs(p.topMm - 37)).toBeLessThanOrEqual(1);
      expect(Math.abs(p.leftMm - 28)).toBeLessThanOrEqual(0.5);
      expect(p.fullLineChars).toEqual([28]);
      expect(report.pageNumbers[0]!.text).toBe("— 1 —");
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it("reopens a saved draft from the history and deletes it", async () => {
    const draft = new DraftPage(page);
    await page.getByTestId("draft-new").click();
    expect(await draft.field("issuer").inputValue()).toBe("");
    await draft.drafts().first().click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="draft-field-issuer"]') as HTMLInputElement | null)?.value === "XX市人民政府办公室");
    await draft.drafts().first().getByTestId("draft-delete").click();
    await page.getByRole("button", { name: /确\s*定|OK/ }).click();
    await draft.drafts().first().waitFor({ state: "detached" });
    expect(await draft.field("issuer").inputValue()).toBe("");
  }, 120_000);
});
