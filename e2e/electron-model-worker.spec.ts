import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { contract } from "../electron/common/contract";
import { createClient } from "../electron/common/rpc/client";
import { pipeTransport } from "../electron/common/rpc/ports";
import { createMemoryPair } from "../electron/common/rpc/transport";
import { createCore, type Core } from "../electron/core/core";
import { createHostLink } from "../electron/core/entry/host-link";
import { WorkerClient } from "../electron/core/llm/worker-client";
import { threadPipe } from "../electron/core/rpc/node-pipes";
import { tempDir } from "../electron/core/testing/temp-dir";
import { linkCore, type UtilityLike } from "../electron/main/core-link";

/**
 * main↔core and the model worker under Electron, without the Electron binary:
 * the core's host link (core/entry/host-link.ts) and main's core link
 * (main/core-link.ts) joined over one pipe as the core's parentPort would
 * join them, with real MessagePorts, a real core, and worker threads standing
 * in for the model worker's utility process (fixtures/model-worker-thread.ts).
 * (It lives in e2e/ because it joins two layers, core and main.)
 */
const BOOT = join(import.meta.dirname, "../electron/core/ingest/extract/worker-boot.mjs");
const STUB = pathToFileURL(join(import.meta.dirname, "fixtures/model-worker-thread.ts")).href;

const threads: Worker[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A worker thread shaped like a utility process: postMessage(message, ports) arrives as {data, ports}. */
function threadWorker(env: Record<string, string>): UtilityLike<MessagePort> {
  const t = new Worker(BOOT, { workerData: { entry: STUB }, env: { ...process.env, ...env } });
  threads.push(t);
  return {
    pid: t.threadId,
    postMessage: (data, ports) => t.postMessage({ data, ports }, ports),
    onMessage: (fn) => void t.on("message", fn),
    onExit: (fn) => void t.once("exit", (code) => fn(code, null)),
    kill: () => void t.terminate(),
  };
}

const portPipe = (port: unknown) => {
  const p = port as MessagePort;
  return threadPipe(p, "close", () => p.close());
};

function wire(fork: (env: Record<string, string>) => UtilityLike<MessagePort> = threadWorker) {
  const t = tempDir();
  const [mainEnd, coreEnd] = createMemoryPair();
  const envs: Record<string, string>[] = [];
  const link = createHostLink(coreEnd, { portPipe });
  const core: Core = createCore({ dataDir: join(t.dir, "data"), host: "test", workerHost: link.workerHost });
  link.serve(core);
  const main = linkCore<MessagePort>(mainEnd, { fork: (env) => (envs.push(env), fork(env)), newChannel: () => new MessageChannel(), log: () => {} });
  cleanups.push(() => core.close(), t.cleanup);
  return { main, core, envs, dir: t.dir, workers: new WorkerClient(link.workerHost, { STUB_ENV: "from-core" }) };
}

describe("main↔core link and the model worker under Electron", () => {
  it("starts a worker with the core's env through main, and the worker contract runs over the port main handed out", async () => {
    const { workers, envs } = wire();
    cleanups.push(() => workers.close());
    expect(await workers.call("llm.status", {})).toEqual({ loaded: [{ path: "from-core", role: "chat" }] });
    expect(envs).toEqual([{ STUB_ENV: "from-core" }]);
    expect(workers.pid).toBeTypeOf("number");
    // The worker's error code crosses both hops unchanged.
    await expect(workers.job("llm.load", { model: { path: "/m.gguf", threads: 1 }, role: "chat" })).rejects.toMatchObject({ code: "MODEL_LOAD_FAILED" });
  }, 60_000);

  it("kill goes through main, and the worker's exit reaches the core; the next call starts a new one", async () => {
    const { workers, envs } = wire();
    cleanups.push(() => workers.close());
    await workers.call("llm.status", {});
    await workers.stop();
    expect(workers.running).toBe(false);
    expect(await workers.call("llm.count", { model: { path: "/m.gguf", threads: 1 }, text: "公文" })).toEqual({ tokens: 2 });
    expect(envs).toHaveLength(2);
  }, 60_000);

  it("a worker that cannot start fails the request with a clear error", async () => {
    const { workers } = wire(() => {
      throw new Error("no such file");
    });
    cleanups.push(() => workers.close());
    await expect(workers.call("llm.status", {})).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("killWorkers stops every worker of a core that went away", async () => {
    const { main, workers } = wire();
    await workers.call("llm.status", {});
    const running = workers.call("llm.count", { model: { path: "/m.gguf", threads: 1 }, text: "x" }).then(() => "answered", (e: { code: string }) => e.code);
    main.killWorkers();
    expect(["answered", "UNAVAILABLE"]).toContain(await running);
    await expect.poll(() => workers.running).toBe(false);
  }, 60_000);

  it("hands a window's port to the core and grants what the user chose; the window's calls are guarded", async () => {
    const { main, dir } = wire();
    const file = join(dir, "通知.txt");
    writeFileSync(file, "关于做好办公用品管理工作的通知");
    const { port1, port2 } = new MessageChannel();
    await main.connectRenderer(port1);
    const ui = createClient(contract, pipeTransport(portPipe(port2)));
    cleanups.push(() => ui.close());
    expect((await ui.call("app.info", {})).host).toBe("test");
    await expect(ui.call("kb.extract", { path: file })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await main.grant([{ path: file, scope: "file" }]);
    await expect(ui.call("kb.extract", { path: file })).resolves.toMatchObject({ format: "txt" });
  }, 60_000);
});
