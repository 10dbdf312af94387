import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RpcError } from "../../common/rpc/wire";
import type { Core, CoreServices } from "../core";
import { openModelsCore, type ModelsTestContract } from "./test-core";
import { tempDir } from "../testing/temp-dir";
import type { ChatChunk } from "./chat-model";
import { RemoteChatModel } from "./remote";

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI protocol (streamed chat
 * completions with reasoning_content or inline <think>, embeddings).
 */
let server: Server;
let url: string;
const seen: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];

function reply(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
  seen.push({ path: req.url ?? "", auth: req.headers.authorization, body });
  if (req.url === "/v1/embeddings") {
    const input = body["input"] as string[];
    res.setHeader("content-type", "application/json");
    // Out of order on purpose: the client must sort by index.
    const data = input.map((t, i) => ({ index: i, embedding: [t.length, 1, 0, 2] })).reverse();
    return void res.end(JSON.stringify({ data }));
  }
  if (body["model"] === "missing") {
    res.statusCode = 404;
    return void res.end('{"error":"model not found"}');
  }
  res.setHeader("content-type", "text/event-stream");
  const deltas: object[] =
    body["model"] === "r1"
      ? [{ reasoning_content: "先想" }, { reasoning_content: "一想" }, { content: "答案" }]
      : body["model"] === "slow"
        ? Array.from({ length: 200 }, () => ({ content: "字" }))
        : [{ content: "<thi" }, { content: "nk>思考</think>" }, { content: "你好，" }, { content: "同志" }];
  let i = 0;
  const tick = (): void => {
    if (res.destroyed) return;
    if (i < deltas.length) {
      res.write(`data: ${JSON.stringify({ choices: [{ delta: deltas[i++], finish_reason: null }] })}\n\n`);
      setTimeout(tick, body["model"] === "slow" ? 10 : 0);
      return;
    }
    res.write(`data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: "stop" }] })}\n\n`);
    res.end("data: [DONE]\n\n");
  };
  tick();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => reply(req, res, JSON.parse(raw || "{}") as Record<string, unknown>));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("remote OpenAI-compatible provider", () => {
  it("streams the answer and separates an inline <think> segment cut across chunks", async () => {
    const chunks: ChatChunk[] = [];
    const m = new RemoteChatModel({ url, key: "k1", model: "qwen3" });
    const r = await m.generate({ system: "你是助手", messages: [{ role: "user", content: "你好" }], maxTokens: 50, onChunk: (c) => chunks.push(c) });
    expect(r).toMatchObject({ text: "你好，同志", thought: "思考", stopReason: "end" });
    expect(chunks.map((c) => c.type)).toContain("thought");
    const sent = seen.at(-1)!;
    expect(sent.auth).toBe("Bearer k1");
    expect(sent.body).toMatchObject({ model: "qwen3", stream: true, max_tokens: 50, messages: [{ role: "system" }, { role: "user", content: "你好" }] });
  });

  it("streams reasoning_content as thought (vLLM / DeepSeek-R1 style)", async () => {
    const r = await new RemoteChatModel({ url: `${url}/v1/`, key: "", model: "r1" }).generate({ messages: [{ role: "user", content: "?" }], maxTokens: 10 });
    expect(r).toMatchObject({ thought: "先想一想", text: "答案" });
  });

  it("cancels mid-stream and the next request works", async () => {
    const m = new RemoteChatModel({ url, key: "", model: "slow" });
    const ac = new AbortController();
    let n = 0;
    const r = await m.generate({ messages: [{ role: "user", content: "?" }], maxTokens: 500, signal: ac.signal, onChunk: () => ++n === 5 && ac.abort() });
    expect(r.stopReason).toBe("cancelled");
    expect(r.text.length).toBeLessThan(200);
    expect((await new RemoteChatModel({ url, key: "", model: "qwen3" }).generate({ messages: [{ role: "user", content: "?" }] })).text).toBe("你好，同志");
  });

  it("turns HTTP errors and refused connections into clear Chinese errors", async () => {
    const e = await new RemoteChatModel({ url, key: "", model: "missing" }).generate({ messages: [{ role: "user", content: "?" }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RpcError);
    expect((e as RpcError).message).toMatch(/返回错误 404：请检查地址和模型名称/);
    const closed = await new RemoteChatModel({ url: "http://127.0.0.1:1", key: "", model: "x" }).generate({ messages: [{ role: "user", content: "?" }] }).catch((x: unknown) => x);
    expect((closed as RpcError).message).toMatch(/无法连接内网模型服务器/);
  });
});

describe("remote provider through the model service", () => {
  let core: Core<ModelsTestContract>;
  let services: CoreServices;
  let cleanup: () => void;
  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    // Even a server on this machine must be listed by the admin (loopback is not exempt).
    writeFileSync(join(t.dir, "policy.json"), JSON.stringify({ remote: { allowedHosts: [new URL(url).host] } }));
    process.env["GOVDESK_POLICY"] = join(t.dir, "policy.json");
    const opened = openModelsCore(t.dir);
    core = opened.core;
    services = opened.services();
    opened.client.close();
  });
  afterAll(async () => {
    await core.close();
    delete process.env["GOVDESK_POLICY"];
    cleanup();
  });

  it("uses the intranet server when the defaults are remote:<model>, vectors unit-length and in order", async () => {
    services.settings.set({ remoteModelUrl: url, defaultChatModelId: "remote:qwen3", defaultEmbeddingModelId: "remote:bge-m3" });
    const chat = await services.chatModel();
    expect(chat?.modelId).toBe("remote:qwen3");
    expect((await chat!.generate({ messages: [{ role: "user", content: "你好" }] })).text).toBe("你好，同志");
    const emb = await services.embedder();
    expect(emb?.dimension).toBe(4);
    const [a, b] = await emb!.embed(["一", "一二三四五"]);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
    expect(a![0]).toBeLessThan(b![0]!);
  });

  it("refuses a host the admin policy does not list, before connecting", async () => {
    const before = seen.length;
    services.settings.set({ remoteModelUrl: "http://10.20.30.40:8000/v1" });
    const e = await services.chatModel().catch((x: unknown) => x);
    expect((e as RpcError).message).toMatch(/管理策略不允许使用内网模型服务器 10\.20\.30\.40:8000/);
    expect(seen.length).toBe(before);
  });
});
