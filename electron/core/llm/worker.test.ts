import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGguf } from "../../../scripts/test-model/gguf-writer";
import { describeTinyLlama } from "../../../scripts/test-model/tiny-llama";
import { tempDir } from "../testing/temp-dir";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { RpcError } from "../../common/rpc/wire";
import type { ChatChunk } from "./chat-model";
import { LocalChatModel, LocalEmbedder } from "./local-models";
import { forkProcessHost } from "./process-host";
import type { ModelSpec } from "./worker-contract";
import { WorkerClient } from "./worker-client";

let worker: WorkerClient;
let spec: ModelSpec;
let chat: LocalChatModel;

beforeAll(async () => {
  const path = await ensureTestModel();
  spec = { path, threads: 1, gpuLayers: 0 };
  worker = new WorkerClient(forkProcessHost(), { GOVDESK_LLAMA_GPU: "false" });
  const info = await worker.job("llm.load", { model: spec, role: "chat" });
  chat = new LocalChatModel(worker, spec, "test", "tiny", info.contextSize);
}, 60_000);
afterAll(() => worker.close());

const ask = (maxTokens: number, extra: { signal?: AbortSignal; onChunk?: (c: ChatChunk) => void } = {}) =>
  chat.generate({ messages: [{ role: "user", content: "请介绍一下公文格式" }], maxTokens, temperature: 0, ...extra });

describe("model worker: chat", () => {
  it("streams text chunks through the model's chat template and stops at maxTokens", async () => {
    const chunks: ChatChunk[] = [];
    const r = await ask(24, { onChunk: (c) => chunks.push(c) });
    expect(r.stopReason).toBe("maxTokens");
    expect(r.tokens).toBe(24);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.text).join("")).toBe(r.text);
    expect(r.stats.promptTokens).toBeGreaterThan(5);
    expect(chat.contextSize).toBe(512);
  });

  it("is deterministic at temperature 0", async () => {
    expect((await ask(12)).text).toBe((await ask(12)).text);
  });

  it("answers two chats at once", async () => {
    const [a, b] = await Promise.all([ask(16), ask(16)]);
    expect(a.tokens).toBe(16);
    expect(b.tokens).toBe(16);
    expect(a.text).toBe(b.text);
  });

  it("follows a JSON schema when asked (grammar-constrained)", async () => {
    const r = await chat.generate({
      messages: [{ role: "user", content: "这份通知是否要求季度盘点？" }],
      maxTokens: 60,
      temperature: 0,
      jsonSchema: { type: "object", properties: { required: { type: "boolean" } }, required: ["required"] },
    });
    expect(JSON.parse(r.text)).toEqual({ required: expect.any(Boolean) });
  });

  it("trims history so prompt + answer never overflow the context", async () => {
    const long = "关于加强办公用品采购管理的通知。".repeat(40);
    const messages = Array.from({ length: 12 }, (_, i) => ({ role: i % 2 ? ("assistant" as const) : ("user" as const), content: long }));
    const r = await chat.generate({ messages, maxTokens: 32, temperature: 0 });
    expect(r.tokens).toBe(32);
    expect(r.stats.promptTokens + 32).toBeLessThanOrEqual(512);
  });

  it("cancels mid-stream and the next request works", async () => {
    const ac = new AbortController();
    let seen = 0;
    const r = await ask(400, {
      signal: ac.signal,
      onChunk: () => {
        if (++seen === 3) ac.abort();
      },
    });
    expect(r.stopReason).toBe("cancelled");
    expect(r.tokens).toBeLessThan(400);
    expect((await ask(8)).tokens).toBe(8);
  });

  it("fails a chat cleanly when the worker is SIGKILLed mid-generation, then restarts on next use", async () => {
    const pid = worker.pid!;
    let killed = false;
    const err = await ask(480, {
      onChunk: () => {
        if (!killed) {
          killed = true;
          process.kill(pid, "SIGKILL");
        }
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).message).toMatch(/模型进程意外退出（信号 SIGKILL）/);
    const r = await ask(8);
    expect(r.tokens).toBe(8);
    expect(worker.pid).not.toBe(pid);
  }, 60_000);
});

describe("model worker: a GGUF that passes the header check but not llama.cpp", () => {
  it("fails the load with a clear error and the worker keeps serving", async () => {
    // Hyper-parameters that contradict the tensor shapes: only llama.cpp can tell.
    const tiny = describeTinyLlama();
    const metadata = tiny.metadata.map(([k, v]) => (k === "llama.embedding_length" ? ([k, { type: "uint32", value: 32 }] as const) : ([k, v] as const)));
    const t = tempDir();
    try {
      const bad = join(t.dir, "bad-shape.gguf");
      await writeFile(bad, writeGguf({ ...tiny, metadata }));
      const e = await worker.job("llm.load", { model: { path: bad, threads: 1, gpuLayers: 0 }, role: "chat" }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RpcError);
      expect((e as RpcError).code).toBe("MODEL_LOAD_FAILED");
      expect((e as RpcError).message).toMatch(/无法加载模型文件/);
      expect((await ask(6)).tokens).toBe(6);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

describe("model worker: embeddings", () => {
  it("returns one unit vector per input, 64-dim, long inputs truncated safely", async () => {
    const info = await worker.job("llm.load", { model: spec, role: "embedding" });
    const emb = new LocalEmbedder(worker, spec, "test", info.embeddingDimension);
    expect(emb.dimension).toBe(64);
    const texts = ["采购审批", "季度盘点", "监督检查".repeat(2000), ""];
    const vs = await emb.embed(texts);
    expect(vs).toHaveLength(4);
    for (const v of vs.slice(0, 3)) {
      expect(v).toHaveLength(64);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
    expect([...vs[0]!]).not.toEqual([...vs[1]!]);
    expect([...(await emb.embed(["采购审批"]))[0]!]).toEqual([...vs[0]!]);
  });

  it("gives the same vectors, in order, with two contexts working in parallel", async () => {
    const two: ModelSpec = { ...spec, parallel: 2 };
    const info = await worker.job("llm.load", { model: two, role: "embedding" });
    const parallel = new LocalEmbedder(worker, two, "test", info.embeddingDimension);
    const single = new LocalEmbedder(worker, spec, "test", 64);
    const texts = Array.from({ length: 9 }, (_, i) => `第${i}条：办公用品采购`);
    const [a, b] = [await parallel.embed(texts), await single.embed(texts)];
    expect(a.map((v) => [...v])).toEqual(b.map((v) => [...v]));
  });
});
