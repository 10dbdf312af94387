import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openApp, type OpenApp } from "./fixtures/app";
import type { ServeProcess } from "./fixtures/serve";
import { ShellPage } from "./pages/shell";
import { ModelsPage } from "./pages/models";
import { writeLargeModel } from "../electron/core/llm/testing/hostile-gguf";
import { tempDir } from "../electron/core/testing/temp-dir";

/**
 * The 模型 screen end to end over `govdesk serve` in Chromium: import the
 * test model by path, see the progress bar while it is hashed and copied,
 * then the model in the list with its fit badge for this machine.
 */
let app: OpenApp;
let page: Page;
let serve: ServeProcess;
let dir: string;
let cleanup: () => void;
let bigModel: string;
let pageErrors: string[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-e2e-models-"));
  // A valid model whose last tensor declares ~384 MB (the file holds exactly that, sparsely; padding
  // after the tensor data would be refused), so that hashing and copying last long enough to be seen.
  bigModel = join(dir, "tiny-large.gguf");
  await writeLargeModel(bigModel, 384 * 1024 * 1024);
  app = await openApp(join(dir, "data"));
  ({ serve, page, pageErrors } = app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  cleanup();
});

describe("模型 screen", () => {
  it("imports a model by path with a visible progress bar, then lists it with its fit badge", async () => {
    const shell = new ShellPage(page);
    await shell.open(serve.url);
    await shell.waitRunning();
    const models = new ModelsPage(page);
    await models.open();
    await models.startImport(bigModel);
    await models.progress().waitFor({ state: "visible", timeout: 10_000 });
    expect(await models.progress().getByRole("progressbar").count()).toBe(1);
    await models.progress().waitFor({ state: "detached", timeout: 60_000 });
    const badge = models.fitBadge("govdesk-test-tiny");
    await badge.waitFor({ timeout: 60_000 });
    expect(await badge.getAttribute("data-level")).toBe("cpu");
    expect(await badge.innerText()).toBe("仅 CPU");
    expect(await models.row("govdesk-test-tiny").innerText()).toContain("F32");
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("shows a clear Chinese error for a file that is not a model", async () => {
    const models = new ModelsPage(page);
    await models.startImport(join(dir, "data", "govdesk.db"));
    await page.getByText(/不是 GGUF 模型文件/).waitFor({ timeout: 20_000 });
  }, 60_000);
});
