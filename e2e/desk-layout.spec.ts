import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { longNotice } from "../electron/core/assistant/testing/documents";
import { NOTICE_PAGES } from "../electron/core/ingest/testing/fixtures";
import { tempDir } from "../electron/core/testing/temp-dir";
import { ensureTestModel } from "../scripts/test-model/ensure";
import { openApp, type OpenApp } from "./fixtures/app";
import { checkState, SCREENS_DIR, type StateReport } from "./fixtures/layout";
import { printPdf } from "./fixtures/pdf";
import { ChatPage, SummarisePage } from "./pages/assistant";
import { DeskPage } from "./pages/desk";
import { KnowledgePage } from "./pages/knowledge";
import { ModelsPage } from "./pages/models";
import { ShellPage } from "./pages/shell";

/**
 * The desk as a new user meets it, over one `govdesk serve` and one
 * Chromium: the first-run guide from an empty data directory (import a
 * model → a knowledge base → a question), then every screen and state at
 * 1024×768, 1440×900 and 1920×1080, failing on measurable layout faults
 * and on serious or critical axe violations. Screenshots of every state at
 * every size go to test-results/screens/.
 */
let app: OpenApp;
let page: Page;
let dir: string;
let docs: string;
let modelPath: string;
let cleanup: () => void;
const reports: StateReport[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-e2e-desk-"));
  docs = join(dir, "资料");
  mkdirSync(docs);
  writeFileSync(join(docs, "采购管理通知.txt"), longNotice(6).map((p) => p.text).join("\f"));
  writeFileSync(join(docs, "关于进一步加强和改进机关办公用品采购与资产管理工作的实施意见（征求意见稿）附件三2024年度工作安排表.txt"), "关于进一步加强机关办公用品管理的实施意见\n一、各单位应当建立办公用品台账，实行季度盘点。\n");
  writeFileSync(join(docs, "坏文件.txt"), Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 37) % 256)));
  mkdirSync(join(dir, "模型"));
  modelPath = join(dir, "模型", "tiny-llama.gguf");
  copyFileSync(await ensureTestModel(), modelPath);
  app = await openApp(join(dir, "data"), { allowDirs: [dir], guide: true });
  await printPdf(app.browser, join(docs, "数据安全通知.pdf"), NOTICE_PAGES);
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const shell = new ShellPage(page);
  await shell.open(app.serve.url);
  await shell.waitRunning();
}, 180_000);

afterAll(async () => {
  await app?.close();
  cleanup();
});

/** Checks a state and keeps its report; the last test asserts them all (one readable list of what is wrong). */
async function check(state: string, opts: Parameters<typeof checkState>[2] = {}): Promise<void> {
  reports.push(await checkState(page, state, opts));
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("first run", () => {
  it("the guide leads from a model to a knowledge base to a question, and its checklist stays until done", async () => {
    const desk = new DeskPage(page);
    await desk.welcome().waitFor({ timeout: 30_000 });
    expect(await desk.stepsDone(desk.welcome())).toEqual(["false", "false", "false"]);
    await check("first-run-welcome", { settle: () => desk.welcome().waitFor() });

    // Going to step 1 closes the welcome for good; the checklist in the side bar stays.
    await desk.welcome().getByTestId("guide-go-model").click();
    await page.getByTestId("models-screen").waitFor();
    await desk.welcome().waitFor({ state: "hidden" });
    expect(await desk.checklist().innerText()).toContain("入门 0/3");

    // Before any model: a plain chat says so, instead of answering 未找到相关内容.
    const chat = new ChatPage(page);
    await chat.open();
    expect(await page.getByTestId("chat-no-model").innerText()).toContain("还没有设置对话模型");
    expect(await page.getByTestId("chat-model").innerText()).toContain("未配置对话模型");
    await check("chat-no-model", { chat: true });
    const kb = new KnowledgePage(page);
    await kb.open();
    expect(await page.getByTestId("kb-bases-empty").innerText()).toBe("还没有知识库，请先新建。");

    const models = new ModelsPage(page);
    await models.open();
    await models.startImport(modelPath);
    // The first chat model imported becomes the default one: a new user means to chat with it.
    await models.row("govdesk-test-tiny").getByText("默认对话").waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="guide-step-model"][data-done="true"]').waitFor({ timeout: 30_000 });

    await desk.checklist().getByTestId("guide-go-knowledge").click();
    await page.getByTestId("knowledge-screen").waitFor();
    await kb.createBase("政策文件");
    await kb.add([docs]);
    await kb.documents("ready").nth(2).waitFor({ timeout: 90_000 });
    await kb.documents("failed").first().waitFor();
    await page.locator('[data-testid="guide-step-knowledge"][data-done="true"]').waitFor({ timeout: 30_000 });
    // The failed file is not counted as a document of the base; it is shown apart.
    expect(await page.getByTestId("kb-base-counts").first().innerText()).toMatch(/^3 个文档，\d+ 个分块$/);
    expect(await page.locator('[data-testid="kb-base"]').first().innerText()).toContain("1 个失败");

    await desk.checklist().getByTestId("guide-go-ask").click();
    await page.getByTestId("chat-screen").waitFor();
    await chat.ask("季度盘点有什么要求？");
    await chat.finishedAnswers().first().waitFor({ timeout: 120_000 });
    await desk.checklist().waitFor({ state: "detached", timeout: 30_000 });
    expect(app.pageErrors).toEqual([]);
  }, 420_000);
});

describe("every screen and state", () => {
  it("at 1024×768, 1440×900 and 1920×1080: no layout fault, no serious or critical axe violation", async () => {
    const chat = new ChatPage(page);
    const desk = new DeskPage(page);
    await chat.open();
    // A conversation with a cited answer, and one whose citation is a PDF page.
    await chat.ask("涉密数据如何存储？");
    await chat.finishedAnswers().nth(1).waitFor({ timeout: 120_000 });
    await check("chat-conversation", { chat: true });

    const pdfSource = chat.finishedAnswers().nth(1).getByTestId("chat-source").filter({ hasText: "数据安全" }).first();
    await pdfSource.click();
    await page.locator('[data-testid="citation-preview-pdf"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await check("chat-citation-pdf", { settle: () => page.locator('[data-testid="citation-preview-pdf"][data-rendered="true"]').waitFor() });
    await page.keyboard.press("Escape");
    await page.getByTestId("citation-preview-drawer").waitFor({ state: "detached" });

    await page.getByTestId("chat-options-open").click();
    await page.getByTestId("chat-options").waitFor();
    await check("chat-options", { chat: true });
    await page.keyboard.press("Escape");

    await chat.newConversation();
    await check("chat-new", { chat: true });

    await page.getByTestId("shortcuts-open").click();
    await page.getByTestId("shortcuts-help").waitFor();
    await check("shortcuts");
    await page.keyboard.press("Escape");

    const sum = new SummarisePage(page);
    await sum.open();
    await sum.addPath(join(docs, "采购管理通知.txt"));
    await page.getByTestId("summarise-source").first().waitFor();
    await page.getByTestId("summarise-extractive").click();
    await sum.start();
    await sum.result().waitFor({ timeout: 60_000 });
    await check("summarise-result");

    const kb = new KnowledgePage(page);
    await kb.open();
    await kb.documents().first().waitFor();
    await check("knowledge");
    await kb.documents("ready").filter({ hasText: "数据安全" }).getByTestId("kb-doc-open").click();
    await page.locator('[data-testid="kb-preview-pdf"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await check("knowledge-preview-pdf", { settle: () => page.locator('[data-testid="kb-preview-pdf"][data-rendered="true"]').waitFor() });
    await page.keyboard.press("Escape");

    const models = new ModelsPage(page);
    await models.open();
    await models.row("govdesk-test-tiny").waitFor();
    await check("models");
    await models.row("govdesk-test-tiny").getByRole("button", { name: "详情" }).click();
    await page.getByTestId("model-details").waitFor();
    await check("models-details");
    await page.keyboard.press("Escape");

    await desk.go("设置", "settings-screen");
    await check("settings");
    await desk.go("管理", "admin-screen");
    await page.getByTestId("admin-audit-table").locator("tbody tr").first().waitFor();
    await check("admin");
    await desk.go("关于", "about-panel");
    await page.getByTestId("about-backend").waitFor({ timeout: 60_000 });
    await check("about");

    // English at the largest font: the cramped texts of the past ("政/策/文/件") must not come back.
    await setLanguage(page, "English", "特大 130%");
    await desk.go("Knowledge bases", "knowledge-screen");
    await kb.documents().first().waitFor();
    await check("knowledge-en-130");
    await desk.go("Chat", "chat-screen");
    await check("chat-en-130", { chat: true });
    await setLanguage(page, "简体中文", "Normal 100%", "Settings");

    const faults = reports.flatMap((r) => r.faults.map((f) => `${r.state} ${f}`));
    const axe = reports.flatMap((r) => r.axe.map((v) => `${r.state} ${v}`));
    console.log(
      [`desk layout: ${reports.length} states × 3 sizes, ${faults.length} layout faults, ${axe.length} serious/critical axe violations; screenshots in ${SCREENS_DIR}`, ...faults, ...axe].join("\n"),
    );
    expect(faults).toEqual([]);
    expect(axe).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 600_000);
});

/** Switches language and font size on the settings screen, as a user would. */
async function setLanguage(page: Page, language: string, font: string, settingsLabel = "设置"): Promise<void> {
  await page.getByRole("menuitem", { name: settingsLabel }).click();
  await page.getByTestId("settings-screen").waitFor();
  await page.getByTestId("settings-language").getByText(language, { exact: true }).click();
  await page.getByTestId("settings-font-scale").getByText(font, { exact: true }).click();
  await page.getByTestId("settings-save").click();
  await page.locator("html").and(page.locator(`[lang="${language === "English" ? "en" : "zh-CN"}"]`)).waitFor();
}
