import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createMemoryPair, transportCore, type Transport } from "../electron/common/rpc/transport";
import { pipeTransport } from "../electron/common/rpc/ports";
import { ResponseMsg } from "../electron/common/rpc/wire";
import { createCore, type Core } from "../electron/core/core";
import { createHostLink } from "../electron/core/entry/host-link";
import { forkProcessHost, type WorkerProcess } from "../electron/core/llm/process-host";
import { threadPipe } from "../electron/core/rpc/node-pipes";
import { startServer, type RunningServer } from "../electron/core/server/serve";
import { tempDir } from "../electron/core/testing/temp-dir";
import { linkCore } from "../electron/main/core-link";
import { contract } from "../electron/common/contract";
import { runJob } from "../electron/common/rpc/run-job";
import { RpcError } from "../electron/common/rpc/wire";
import { connectInProcess } from "../electron/core/rpc/in-process";
import { createPreloadBridge, type PortLike } from "../electron/preload/bridge";
import { bridgedClient } from "../renderer/src/api/bridged";
import { errorText } from "../renderer/src/api/errors";
import { writeGguf } from "../scripts/test-model/gguf-writer";
import { describeTinyLlama } from "../scripts/test-model/tiny-llama";

/**
 * One protocol at every process boundary: the same malformed messages sent
 * raw into each boundary's receiving side get the same typed answers
 * ({type: "res", id, ok: false, error: {code, message}}), and the receiver
 * keeps serving. Real pipes wherever they can exist here: the WebSocket of
 * `govdesk serve` and a MessagePort for the renderer, a forked model worker
 * process, a worker thread for extraction; main↔core over an in-memory pipe
 * (the Electron binary cannot run here), both directions.
 */

/** A raw end of a pipe: send anything, read the next reply (events are skipped). */
function rawPeer(t: Transport) {
  const inbox: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  t.onMessage((m) => {
    if ((m as { type?: unknown } | null)?.type === "evt") return;
    const w = waiters.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  return {
    send: (m: unknown) => t.send(m),
    next: () => (inbox.length ? Promise.resolve(inbox.shift()) : new Promise<unknown>((r) => waiters.push(r))),
  };
}

/** Malformed messages, each with the id and code every receiver must answer with. */
const probes = (method: string) => [
  { what: "a string", msg: "hello", id: null, code: "BAD_MESSAGE" },
  { what: "null", msg: null, id: null, code: "BAD_MESSAGE" },
  { what: "a request without a method", msg: { type: "req", id: 7 }, id: 7, code: "BAD_MESSAGE" },
  { what: "an object as id", msg: { type: "req", id: { x: 1 }, method, params: {} }, id: null, code: "BAD_MESSAGE" },
  { what: "an unknown method", msg: { type: "req", id: 8, method: "no.such", params: {} }, id: 8, code: "UNKNOWN_METHOD" },
  { what: "an inherited name", msg: { type: "req", id: 9, method: "__proto__", params: {} }, id: 9, code: "UNKNOWN_METHOD" },
  { what: "input that breaks the schema", msg: { type: "req", id: 10, method, params: { bogus: 1 } }, id: 10, code: "INVALID_INPUT" },
];
const CODES = probes("x").map((p) => p.code);

/** Sends every probe, checks each answer's shape, then that a good request still works; returns the codes seen. */
async function probe(peer: ReturnType<typeof rawPeer>, method: string, good: { method: string; params: unknown }): Promise<string[]> {
  const codes: string[] = [];
  for (const p of probes(method)) {
    peer.send(p.msg);
    const reply = await peer.next();
    const parsed = ResponseMsg.safeParse(reply);
    expect(parsed.success, `${p.what}: ${JSON.stringify(reply)}`).toBe(true);
    expect(reply, p.what).toMatchObject({ type: "res", id: p.id, ok: false, error: { code: p.code, message: expect.any(String) } });
    codes.push((reply as { error: { code: string } }).error.code);
  }
  peer.send({ type: "req", id: 99, ...good });
  expect(await peer.next()).toMatchObject({ type: "res", id: 99, ok: true });
  return codes;
}

let dir: string;
let cleanup: () => void;
let core: Core;
let server: RunningServer;
const closers: (() => unknown)[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  core = createCore({ dataDir: join(dir, "data"), host: "test" });
  server = await startServer({ router: core.router, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  for (const fn of closers.reverse()) await fn();
  await server.close();
  await core.close();
  cleanup();
});

describe("malformed messages get the same typed error on every boundary", () => {
  it("renderer ↔ core over govdesk serve's WebSocket", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`);
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    closers.push(() => ws.close());
    const t = transportCore();
    ws.on("message", (data) => t.receive(JSON.parse(data.toString())));
    const peer = rawPeer({ send: (m) => ws.send(typeof m === "string" ? m : JSON.stringify(m)), onMessage: t.onMessage, onClose: t.onClose, close: () => ws.close() });
    expect(await probe(peer, "kb.search", { method: "app.info", params: {} })).toEqual(CODES);
  });

  it("renderer ↔ core over a MessagePort, as main connects a window under Electron", async () => {
    const { port1, port2 } = new MessageChannel();
    core.router.attach(pipeTransport(threadPipe(port1, "close", () => port1.close())));
    closers.push(() => port2.close());
    const peer = rawPeer(pipeTransport(threadPipe(port2, "close", () => port2.close())));
    expect(await probe(peer, "kb.search", { method: "app.info", params: {} })).toEqual(CODES);
  });

  it("core ↔ model worker, a real forked worker process", async () => {
    const worker: WorkerProcess = forkProcessHost().start({ GOVDESK_LLAMA_GPU: "false" });
    closers.push(() => worker.kill());
    const peer = rawPeer(worker.transport);
    expect(await probe(peer, "llm.count", { method: "llm.status", params: {} })).toEqual(CODES);
  });

  it("main ↔ core, both directions of the parentPort's two contracts", async () => {
    const [mainEnd, coreEnd] = createMemoryPair();
    createHostLink(coreEnd).serve(core);
    expect(await probe(rawPeer(mainEnd), "paths.grant", { method: "paths.grant", params: { roots: [] } })).toEqual(CODES);

    const [toMain, fromCore] = createMemoryPair();
    linkCore(fromCore, { fork: () => { throw new Error("not here"); }, newChannel: () => new MessageChannel(), log: () => {} });
    expect(await probe(rawPeer(toMain), "modelWorker.start", { method: "modelWorker.kill", params: { id: 1 } })).toEqual(CODES);
  });

  it("core ↔ extraction thread, a real worker thread", async () => {
    const boot = join(import.meta.dirname, "../electron/core/ingest/extract/worker-boot.mjs");
    const entry = pathToFileURL(join(import.meta.dirname, "../electron/core/ingest/extract/worker.ts")).href;
    const thread = new Worker(boot, { workerData: { entry } });
    closers.push(() => thread.terminate());
    const peer = rawPeer(pipeTransport(threadPipe(thread, "exit", () => void thread.terminate())));
    expect(await probe(peer, "extract.prepare", { method: "jobs.cancel", params: { jobId: "none" } })).toEqual(CODES);
  });
});

describe("a model worker's error code reaches the UI", () => {
  it("loading a GGUF llama.cpp cannot read fails in the worker with MODEL_LOAD_FAILED, and the window's client gets that RpcError", async () => {
    // Hyper-parameters that contradict the tensor shapes: the header check passes, only llama.cpp can tell.
    const tiny = describeTinyLlama();
    const metadata = tiny.metadata.map(([k, v]) => (k === "llama.embedding_length" ? ([k, { type: "uint32", value: 32 }] as const) : ([k, v] as const)));
    const bad = join(dir, "bad-shape.gguf");
    await writeFile(bad, writeGguf({ ...tiny, metadata }));
    const cli = connectInProcess(contract, core.router);
    closers.push(() => cli.close());
    const rec = await runJob(contract, cli, "models.import", { path: bad, inPlace: true });

    // The window as under Electron: the core serves a MessagePort, the preload's window.api sits
    // on its other end (errors cross the contextBridge as plain objects), the renderer restores them.
    const { port1, port2 } = new MessageChannel();
    core.router.attach(pipeTransport(threadPipe(port1, "close", () => port1.close())));
    closers.push(() => port2.close());
    const bridge = createPreloadBridge();
    bridge.attachPort(port2 as unknown as PortLike);
    const ui = bridgedClient(bridge.api);

    const e = await runJob(contract, ui, "models.load", { id: rec.id, role: "chat" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RpcError);
    expect(e).toMatchObject({ code: "MODEL_LOAD_FAILED" });
    expect(errorText(e, "失败")).toMatch(/无法加载模型文件/);
  }, 90_000);
});
