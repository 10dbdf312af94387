import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { contract } from "../electron/common/contract";
import { createCore } from "../electron/core/core";
import { connectInProcess } from "../electron/core/rpc/in-process";
import { tempDir } from "../electron/core/testing/temp-dir";
import { openApp, type OpenApp } from "./fixtures/app";
import { ChatPage } from "./pages/assistant";

/**
 * Stopping an answer as a user does, over `govdesk serve` in Chromium. The
 * answer comes from an intranet model server that the admin policy lists: a
 * real OpenAI-compatible HTTP server on 127.0.0.1 that writes one character
 * every 50 ms, so Esc lands mid-answer every time. (The local test model
 * writes a whole answer in about 0.2 s, less than one round trip of a loaded
 * browser, which made a stop with it a race the answer sometimes won.)
 */
let app: OpenApp;
let page: Page;
let dir: string;
let cleanup: () => void;
let server: Server;
const requests: { question: string; closedEarly: boolean }[] = [];
const savedPolicy = process.env["GOVDESK_POLICY"];

function startSlowServer(): Promise<string> {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as { messages?: { content: string }[] };
      const seen = { question: body.messages?.at(-1)?.content ?? "", closedEarly: false };
      requests.push(seen);
      res.setHeader("content-type", "text/event-stream");
      let sent = 0;
      const timer = setInterval(() => {
        if (sent++ < 400) return void res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: "字" }, finish_reason: null }] })}\n\n`);
        clearInterval(timer);
        res.write(`data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: "stop" }] })}\n\n`);
        res.end("data: [DONE]\n\n");
      }, 50);
      res.on("close", () => {
        clearInterval(timer);
        seen.closedEarly = !res.writableEnded;
      });
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`)));
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-e2e-chat-stop-"));
  const url = await startSlowServer();
  const policy = join(dir, "policy.json");
  writeFileSync(policy, JSON.stringify({ remote: { allowedHosts: ["127.0.0.1"] } }));
  process.env["GOVDESK_POLICY"] = policy; // read by the in-process core below and by serve, which inherits it
  const dataDir = join(dir, "data");
  const core = createCore({ dataDir, host: "test" });
  const client = connectInProcess(contract, core.router);
  try {
    await client.call("settings.set", { remoteModelUrl: url, defaultChatModelId: "remote:slow" });
  } finally {
    client.close();
    await core.close();
  }
  app = await openApp(dataDir, { ready: true });
  page = app.page;
}, 180_000);
afterAll(async () => {
  await app?.close();
  await new Promise<void>((r) => server.close(() => r()));
  if (savedPolicy === undefined) delete process.env["GOVDESK_POLICY"];
  else process.env["GOVDESK_POLICY"] = savedPolicy;
  cleanup();
});

describe("stopping an answer", () => {
  it("Esc stops an answer mid-way: the server's stream is closed and nothing half-written is kept", async () => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.ask("监督检查由谁负责？");
    // Mid-answer: some characters are on screen and more are coming.
    await page.waitForFunction(() => (document.querySelector('[data-testid="chat-answer"][data-streaming="true"]')?.textContent ?? "").includes("字字字"), null, { timeout: 60_000 });
    await page.keyboard.press("Escape");
    await page.getByText("已停止，本次回答未保存").waitFor({ timeout: 30_000 });
    await chat.streamingAnswer().waitFor({ state: "detached" });
    expect(await chat.finishedAnswers().count()).toBe(0);
    // The stop reached the model server: its stream was closed before the answer was complete.
    await expect.poll(() => requests.at(-1)?.closedEarly, { timeout: 10_000 }).toBe(true);
    // The question goes back into the box, so it can be sent again.
    expect(await chat.input().inputValue()).toBe("监督检查由谁负责？");
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});
