import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { createPortHost } from "../electron/core/llm/electron-host";
import type { WorkerProcess } from "../electron/core/llm/process-host";
import type { ElectronPortLike } from "../electron/common/rpc/ports";
import { createModelWorkerBroker, type WorkerLike } from "../electron/main/model-workers";

/**
 * The Electron path for the model worker, without the Electron binary: the
 * core's port host and main's broker, joined as in the app, with real
 * MessagePorts and a real worker thread standing in for the utility process
 * (same postMessage-with-ports shape). The thread echoes what the core sends
 * over the port it was given. (It lives in e2e/ because it joins two layers,
 * core and main, which may not import each other.)
 */
const ECHO_WORKER = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ msg, ports }) => {
  if (msg.type !== "connect") return;
  const port = ports[0];
  port.on("message", (m) => port.postMessage({ echo: m }));
});`;

const threads: Worker[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
});

function threadWorker(): WorkerLike<MessagePort> {
  const t = new Worker(ECHO_WORKER, { eval: true });
  threads.push(t);
  return {
    pid: t.threadId,
    postMessage: (msg, ports) => t.postMessage({ msg, ports }, ports),
    onExit: (fn) => void t.once("exit", (code) => fn(code)),
    kill: () => void t.terminate(),
  };
}

/** Electron's MessagePortMain emits {data} events; worker_threads ports emit the value. */
function electronLike(port: MessagePort): ElectronPortLike {
  return {
    postMessage: (m: unknown) => port.postMessage(m),
    on: (event: "message" | "close", fn: (e: { data: unknown }) => void) =>
      event === "message" ? port.on("message", (data: unknown) => fn({ data })) : port.on("close", () => fn({ data: null })),
    start: () => port.start(),
    close: () => port.close(),
  } as ElectronPortLike;
}

function wire(fork: (env: Record<string, string>) => WorkerLike<MessagePort> = threadWorker) {
  const envs: Record<string, string>[] = [];
  // eslint-disable-next-line prefer-const -- the host and the broker refer to each other
  let broker: ReturnType<typeof createModelWorkerBroker>;
  const core = createPortHost((msg) => queueMicrotask(() => broker.handle(structuredClone(msg))));
  broker = createModelWorkerBroker<MessagePort>({
    fork: (env) => (envs.push(env), fork(env)),
    newChannel: () => new MessageChannel(),
    toCore: (msg, ports) => core.receive(msg, ports.map(electronLike)),
    log: () => {},
  });
  return { host: core.host, broker, envs };
}

const nextMessage = (w: WorkerProcess) => new Promise<unknown>((r) => w.transport.onMessage(r));
const exited = (w: WorkerProcess) => new Promise<number | null>((r) => w.onExit((code) => r(code)));

describe("model worker under Electron (core port host + main broker)", () => {
  it("starts a worker with the core's env and talks to it over the port, queueing early sends", async () => {
    const { host, envs } = wire();
    const w = host.start({ GOVDESK_LLAMA_GPU: "auto" });
    const reply = nextMessage(w);
    w.transport.send({ type: "hello" }); // before main has answered: must wait, not vanish
    expect(await reply).toEqual({ echo: { type: "hello" } });
    expect(envs).toEqual([{ GOVDESK_LLAMA_GPU: "auto" }]);
    expect(w.pid).toBeTypeOf("number");
  });

  it("kill goes through main, and the worker's exit reaches the core", async () => {
    const { host } = wire();
    const w = host.start({});
    const first = nextMessage(w);
    w.transport.send(1);
    await first;
    const code = exited(w);
    w.kill();
    expect(await code).toBe(1); // worker_threads report terminate() as exit code 1
  });

  it("a worker that cannot start is reported as exited", async () => {
    const { host } = wire(() => {
      throw new Error("no such file");
    });
    const w = host.start({});
    expect(await exited(w)).toBeNull();
  });

  it("killAll stops every worker of a core that went away", async () => {
    const { host, broker } = wire();
    const a = host.start({});
    const b = host.start({});
    await Promise.all([a, b].map((w) => (w.transport.send(0), nextMessage(w))));
    const both = Promise.all([exited(a), exited(b)]);
    broker.killAll();
    expect(await both).toEqual([1, 1]);
  });

  it("ignores messages that are not worker requests", () => {
    const { broker } = wire();
    expect(broker.handle({ type: "connect" })).toBe(false);
    expect(broker.handle({ type: "model-worker.start", id: "x", env: {} })).toBe(false);
  });
});
