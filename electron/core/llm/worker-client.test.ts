import { afterEach, describe, expect, it } from "vitest";
import { createRouter, type Handlers } from "../../common/rpc/router";
import { createMemoryPair } from "../../common/rpc/transport";
import { RpcError } from "../../common/rpc/wire";
import { JobManager } from "../rpc/jobs";
import type { WorkerHost, WorkerProcess } from "./process-host";
import { WorkerClient } from "./worker-client";
import { workerContract, type WorkerContract } from "./worker-contract";

/**
 * The core's WorkerClient against a stand-in worker that serves the real
 * worker contract with the real router and JobManager over an in-memory
 * transport (the real process is tested in worker.test.ts; this one can
 * crash on cue and fail in each way the real one can).
 */
const MODEL = { path: "/m.gguf", threads: 1 };

function fakeWorker(overrides: Partial<Handlers<WorkerContract>> = {}) {
  const [coreEnd, workerEnd] = createMemoryPair();
  const exits: ((code: number | null, signal: string | null) => void)[] = [];
  const cancelled: string[] = [];
  // eslint-disable-next-line prefer-const -- the handlers emit through the router they are given to
  let router: ReturnType<typeof createRouter<WorkerContract>>;
  const jobs = new JobManager({ progress: (p) => router.emit("job.progress", p), finished: (f) => router.emit("job.finished", f) });
  const handlers: Handlers<WorkerContract> = {
    "llm.chat": async (_input, job) => {
      let text = "";
      for (let i = 0; i < 100 && !job.signal.aborted; i++) {
        router.emit("llm.chunk", { jobId: job.jobId, type: "text", text: "字" });
        text += "字";
        await new Promise((r) => setTimeout(r, 2));
      }
      return { text, thought: "", tokens: text.length, stopReason: job.signal.aborted ? "cancelled" : "end", stats: { promptTokens: 1, promptMs: 1, generationMs: 1 } };
    },
    "llm.embed": async ({ texts }) => ({ dimension: 2, vectors: texts.map(() => [1, 0]) }),
    "llm.load": async () => ({ contextSize: 512, embeddingDimension: 64 }),
    "llm.count": async ({ text }) => ({ tokens: text.length }),
    "llm.fit": async () => {
      throw new RpcError("MODEL_LOAD_FAILED", "无法加载模型文件：文件可能已损坏或不是受支持的模型");
    },
    "llm.fitAll": async ({ paths }) => ({
      machine: { backend: "cpu", gpuDevices: [], vramTotal: 0, vramFree: 0, ramTotal: 1, ramFree: 1, cpuCores: 2 },
      fits: paths.map((path) => ({ path, fit: null, error: "无法加载模型文件" })),
    }),
    "llm.machine": async () => ({ backend: "cpu", gpuDevices: [], vramTotal: 0, vramFree: 0, ramTotal: 1, ramFree: 1, cpuCores: 2 }),
    "llm.status": () => ({ loaded: [] }),
    "llm.runtime": () => ({ backend: "cpu", gpuDevices: [], llamaCpp: null, nodeLlamaCpp: null }),
    "llm.unload": () => ({}),
    "llm.calibrate": async ({ candidates }) => candidates.map((threads) => ({ threads, tokensPerSecond: threads })),
    "jobs.cancel": ({ jobId }) => (cancelled.push(jobId), { cancelled: jobs.cancel(jobId) }),
    ...overrides,
  };
  router = createRouter(workerContract, handlers, { jobs, name: "模型进程" });
  router.attach(workerEnd);
  const proc: WorkerProcess = {
    pid: 4242,
    transport: coreEnd,
    onExit: (fn) => void exits.push(fn),
    kill: () => exits.forEach((fn) => fn(null, "SIGTERM")),
    stderrTail: () => "GGML_ASSERT failed",
  };
  const crash = (): void => {
    for (const fn of exits) fn(null, "SIGABRT");
    coreEnd.close();
  };
  return { proc, crash, cancelled };
}

let client: WorkerClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

function clientWith(...workers: ReturnType<typeof fakeWorker>[]): WorkerClient {
  const queue = [...workers];
  const host: WorkerHost = { start: () => queue.shift()!.proc };
  return (client = new WorkerClient(host));
}

describe("WorkerClient over the worker contract", () => {
  it("carries calls and jobs; an exit fails what is running with a clear error, and the next use starts again", async () => {
    const first = fakeWorker({ "llm.count": () => new Promise(() => {}) });
    const second = fakeWorker();
    const c = clientWith(first, second);
    expect(await c.call("llm.status", {})).toEqual({ loaded: [] });
    expect(await c.job("llm.load", { model: MODEL, role: "chat" })).toEqual({ contextSize: 512, embeddingDimension: 64 });
    const pending = c.call("llm.count", { model: MODEL, text: "abc" });
    first.crash();
    const e = await pending.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RpcError);
    expect(e).toMatchObject({ code: "UNAVAILABLE", detail: "GGML_ASSERT failed" });
    expect((e as RpcError).message).toMatch(/模型进程意外退出（信号 SIGABRT）/);
    expect(await c.call("llm.count", { model: MODEL, text: "abcd" })).toEqual({ tokens: 4 });
  });

  it("keeps the worker's error code (MODEL_LOAD_FAILED) for the caller", async () => {
    const c = clientWith(fakeWorker());
    await expect(c.call("llm.fit", { path: "/bad.gguf" })).rejects.toMatchObject({ code: "MODEL_LOAD_FAILED", message: expect.stringContaining("无法加载模型文件") });
  });

  it("cancels a chat with jobs.cancel and answers with what was generated, streamed chunks first", async () => {
    const w = fakeWorker();
    const c = clientWith(w);
    const ac = new AbortController();
    let seen = "";
    const r = await c.job("llm.chat", { model: MODEL, messages: [{ role: "user", content: "你好" }] }, {
      signal: ac.signal,
      onChunk: (chunk) => {
        seen += chunk.text;
        if (seen.length === 3) ac.abort();
      },
    });
    expect(w.cancelled).toHaveLength(1);
    expect(r.stopReason).toBe("cancelled");
    expect(r.text.length).toBeGreaterThanOrEqual(3);
    expect(r.text.length).toBeLessThan(100);
    expect(seen).toBe(r.text);
  });

  it("cancels other jobs as CANCELLED, and refuses a job whose signal is already aborted without starting the worker", async () => {
    const w = fakeWorker({ "llm.embed": (_i, job) => new Promise((_, reject) => job.signal.addEventListener("abort", () => reject(job.signal.reason))) });
    const c = clientWith(w);
    const ac = new AbortController();
    const running = c.job("llm.embed", { model: MODEL, texts: ["a"] }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(running).rejects.toMatchObject({ code: "CANCELLED" });
    const idle = new WorkerClient({ start: () => fakeWorker().proc });
    await expect(idle.job("llm.embed", { model: MODEL, texts: [] }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "CANCELLED" });
    expect(idle.running).toBe(false);
  });

  it("hands a load's stages (job.progress) to onProgress, and tells onExit listeners when the process ends", async () => {
    const w = fakeWorker({
      "llm.load": async (_i, job) => {
        job.progress(0, 100, "runtime");
        job.progress(0, 100, "weights");
        job.progress(100, 100, "weights");
        job.progress(0, 100, "context");
        return { contextSize: 512, embeddingDimension: 64 };
      },
    });
    const c = clientWith(w, fakeWorker());
    const stages: string[] = [];
    await c.job("llm.load", { model: MODEL, role: "chat" }, { onProgress: (p) => stages.push(`${p.stage}:${p.done}`) });
    expect(stages).toEqual(["runtime:0", "weights:0", "weights:100", "context:0"]);
    let exits = 0;
    const off = c.onExit(() => exits++);
    w.crash();
    expect(exits).toBe(1);
    off();
    await c.call("llm.status", {});
    expect(c.running).toBe(true);
  });
});
