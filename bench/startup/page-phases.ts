import type { BrowserContext, Page } from "playwright-core";

/**
 * The page reports its own start-up phases, so measuring them runs nothing of
 * the harness's in the page being measured. Playwright's locators evaluate its
 * injected script in the page's renderer: that script's first run alone took
 * ~90 ms of the renderer's main thread (a CPU profile: its first read of
 * globalThis.Temporal), on the same 2 cores the page starts on, and its
 * visibility polls ran on top. This script checks the same conditions the
 * locators did (attached, non-empty box, not visibility: hidden), once per
 * animation frame as Playwright polls, and logs each phase when reached.
 */
const SCRIPT = `(() => {
  const visible = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  let shell = false;
  const tick = () => {
    if (!shell && visible('[data-testid="core-state"][data-state="running"]') && visible('[role="menuitem"]')) {
      shell = true;
      console.debug("govdesk-bench:shell");
    }
    if (shell && visible('[data-testid="app-content"] .govdesk-screen')) return console.debug("govdesk-bench:screen");
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export type Phase = "shell" | "screen";

/** Every page of the context reports its phases (call before the first page is made). */
export async function reportPhases(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SCRIPT });
}

/** Resolves when `page` reports `phase`: the shell with the core running and the navigation visible, or the first screen drawn. */
export function phaseReached(page: Page, phase: Phase, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off("console", onConsole);
      reject(new Error(`the page did not reach "${phase}" in ${timeoutMs} ms`));
    }, timeoutMs);
    const onConsole = (msg: { text(): string }): void => {
      if (msg.text() !== `govdesk-bench:${phase}`) return;
      clearTimeout(timer);
      page.off("console", onConsole);
      resolve();
    };
    page.on("console", onConsole);
  });
}
