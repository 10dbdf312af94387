import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./fixtures/browser";
import { startServe, type ServeProcess } from "./fixtures/serve";
import { ShellPage } from "./pages/shell";
import { SettingsPage } from "./pages/settings";
import { tempDir } from "../electron/core/testing/temp-dir";

/**
 * The real UI and core, end to end: `govdesk serve` started as a user would,
 * driven in Debian's Chromium. No part of the app is mocked.
 */
let browser: Browser;
let page: Page;
let serve: ServeProcess | null = null;
let dataDir: string;
let cleanup: () => void;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ dir: dataDir, cleanup } = tempDir("govdesk-e2e-"));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  cleanup();
});
afterEach(async () => {
  await page?.close();
});

async function newPage(): Promise<Page> {
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  return page;
}

describe("govdesk serve in Chromium", () => {
  it("shows the Chinese shell with the core running, and no script or CSP errors", async () => {
    serve = await startServe(dataDir);
    const shell = new ShellPage(await newPage());
    await shell.open(serve.url);
    await shell.waitRunning();
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await shell.coreState().innerText()).toContain("运行中");
    await expect(shell.nav("设置").isVisible()).resolves.toBe(true);
    await expect(shell.nav("关于").isVisible()).resolves.toBe(true);
    for (const built of ["对话", "摘要"]) await expect(shell.nav(built).isVisible()).resolves.toBe(true);
    expect(await shell.version().innerText()).toMatch(/\d+\.\d+\.\d+/);
    expect(pageErrors).toEqual([]);
  });

  it("draws 对话's @ant-design/x components from the pre-built sheet: no component styles are generated in the page", async () => {
    const shell = new ShellPage(await newPage());
    await shell.open(serve!.url);
    await page.getByTestId("chat-sender").locator(".ant-sender").waitFor();
    // Styled: the box's border and rounded corners come from the sheet (scripts/build/x-styles.ts).
    const box = await page.getByTestId("chat-sender").locator(".ant-sender").evaluate((el) => {
      const cs = getComputedStyle(el);
      return { border: cs.borderTopStyle, radius: parseFloat(cs.borderTopLeftRadius) };
    });
    expect(box.border).toBe("solid");
    expect(box.radius).toBeGreaterThan(0);
    // At run time only the theme's CSS variables are written into <style> elements, never a component's rules
    // (a selector such as `.ant-sender-main` or `.ant-btn-primary`): those came to ~200 KB of styles generated
    // on every start while @ant-design/x ran with runtime styles.
    const generated = await page.evaluate(() => [...document.querySelectorAll("style")].map((s) => s.textContent ?? ""));
    const rules = generated.flatMap((css) => [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter((m) => !/^\s*--/.test(m[2]!)).map((m) => m[1]!.trim()));
    expect(rules.filter((selector) => /\.ant-[a-z]/.test(selector))).toEqual([]);
  });

  it("about shows what the core reports through app.info", async () => {
    const shell = new ShellPage(await newPage());
    await shell.open(serve!.url);
    const about = await shell.openAbout();
    expect(await about.getByTestId("about-data-dir").innerText()).toBe(dataDir);
    expect(await about.getByTestId("about-version").innerText()).toMatch(/\d+\.\d+\.\d+/);
    expect(await about.innerText()).toContain("serve");
  });

  it("refuses the same URL without its token", async () => {
    const p = await newPage();
    const url = new URL(serve!.url);
    url.search = "";
    const res = await p.goto(url.toString());
    expect(res?.status()).toBe(403);
    expect(await p.innerText("body")).toContain("拒绝访问");
    const wrong = await p.goto(`${url.origin}/?token=not-the-token`);
    expect(wrong?.status()).toBe(403);
  });

  it("keeps a changed setting across a restart of serve", async () => {
    const settings = new SettingsPage(await newPage());
    const shell = new ShellPage(page);
    await shell.open(serve!.url);
    await settings.open("设置");
    await settings.choose("settings-language", "English");
    await settings.choose("settings-theme", "深色");
    await settings.save();
    // The language switches at once, UI and navigation alike.
    await shell.nav("Settings").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    expect(await serve!.stop()).toBe(0);
    // The open page notices the core went away and says so.
    await page.locator('[data-testid="core-state"]:not([data-state="running"])').waitFor();
    serve = await startServe(dataDir);
    const fresh = new ShellPage(await newPage());
    await fresh.open(serve.url);
    await fresh.waitRunning();
    await fresh.nav("Settings").waitFor();
    const reopened = new SettingsPage(page);
    await reopened.open("Settings");
    const checked = (testId: string) => reopened.field(testId).locator(".ant-radio-button-wrapper-checked").innerText();
    expect(await checked("settings-language")).toBe("English");
    expect(await checked("settings-theme")).toBe("Dark");
  });
});
