import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { CORE_PORT_CHANNEL } from "../common/ipc-channels";
import {
  createCoreConnections,
  type CoreEndpoint,
  type RendererEndpoint,
} from "./core-connection";

/*
 * The "core" is a real worker thread that, like the core's utility entry,
 * is handed a port (port.connect) and serves on that port (here: it answers
 * every message with its generation number). Ports are real
 * node:worker_threads MessagePorts, so a wrong pairing or a lost transfer
 * shows up as a request that never gets its answer.
 */
const CORE_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
parentPort.on("message", ({ msg, port }) => {
  parentPort.postMessage({ seen: msg });
  port.on("message", (m) => port.postMessage({ echo: m, core: workerData.generation }));
});`;

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

function startCore(generation: number) {
  const worker = new Worker(CORE_SOURCE, { eval: true, workerData: { generation } });
  workers.push(worker);
  const seen: unknown[] = [];
  worker.on("message", (m: { seen: unknown }) => seen.push(m.seen));
  // In the app this is CoreLink.connectRenderer (port.connect over host-contract.ts,
  // tested in e2e/electron-model-worker.spec.ts); a Worker carries the port inside the value.
  const endpoint: CoreEndpoint<MessagePort> = {
    connect: async (port) => worker.postMessage({ msg: "connect", port }, [port]),
  };
  return { endpoint, seen };
}

/** Stands in for a window's webContents: what it receives is what the preload would get. */
function renderer() {
  const received: { channel: string; message: unknown; port: MessagePort }[] = [];
  let destroyed = false;
  const endpoint: RendererEndpoint<MessagePort> = {
    postMessage: (channel, message, [port]) => void received.push({ channel, message, port: port! }),
    isDestroyed: () => destroyed,
  };
  return { endpoint, received, destroy: () => (destroyed = true) };
}

function ask(port: MessagePort, message: unknown): Promise<{ echo: unknown; core: number }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("no answer on port")), 5_000);
    port.once("message", (m) => {
      clearTimeout(t);
      port.close();
      resolve(m as { echo: unknown; core: number });
    });
    port.postMessage(message);
  });
}

const newChannel = () => new MessageChannel();
/** Lets the core's connect settle before the window gets its end. */
const settle = () => new Promise((r) => setImmediate(r));

describe("core connections over real ports and a real worker", () => {
  it("connects a waiting window once the core starts; its port reaches that core", async () => {
    const conns = createCoreConnections<MessagePort, RendererEndpoint<MessagePort>>(newChannel);
    const win = renderer();
    conns.addRenderer(win.endpoint);
    expect(conns.portRequested(win.endpoint)).toBe(false); // core not up yet
    expect(win.received).toHaveLength(0);

    const core = startCore(1);
    conns.coreStarted(core.endpoint);
    await settle();
    expect(win.received).toHaveLength(1);
    expect(win.received[0]!.channel).toBe(CORE_PORT_CHANNEL);
    expect(win.received[0]!.message).toBeNull();
    expect(await ask(win.received[0]!.port, { type: "req", id: 1 })).toEqual({ echo: { type: "req", id: 1 }, core: 1 });
    expect(core.seen).toEqual(["connect"]);
  });

  it("on core restart, gives every live window a port to the NEW core and skips closed ones", async () => {
    const conns = createCoreConnections<MessagePort, RendererEndpoint<MessagePort>>(newChannel);
    const a = renderer();
    const b = renderer();
    const gone = renderer();
    for (const w of [a, b, gone]) conns.addRenderer(w.endpoint);
    conns.coreStarted(startCore(1).endpoint);
    await settle();
    conns.coreStopped();
    gone.destroy();
    expect(conns.portRequested(a.endpoint)).toBe(false); // between exit and restart

    conns.coreStarted(startCore(2).endpoint);
    await settle();
    expect(a.received).toHaveLength(2);
    expect(b.received).toHaveLength(2);
    expect(gone.received).toHaveLength(1);
    expect(conns.renderers).toBe(2);
    expect((await ask(a.received[1]!.port, "hi")).core).toBe(2);
    expect((await ask(b.received[1]!.port, "hi")).core).toBe(2);
  });

  it("re-sends a port when a known window asks (reload), never to an unknown one", async () => {
    const conns = createCoreConnections<MessagePort, RendererEndpoint<MessagePort>>(newChannel);
    const win = renderer();
    const stranger = renderer();
    conns.addRenderer(win.endpoint);
    const core = startCore(7);
    conns.coreStarted(core.endpoint);
    expect(conns.portRequested(win.endpoint)).toBe(true);
    expect(conns.portRequested(stranger.endpoint)).toBe(false);
    await settle();
    expect(win.received).toHaveLength(2);
    expect(stranger.received).toHaveLength(0);
    expect((await ask(win.received[1]!.port, 42)).echo).toBe(42);

    conns.removeRenderer(win.endpoint);
    expect(conns.portRequested(win.endpoint)).toBe(false);
  });

  it("reports, not throws, when the core cannot take the port, and gives the window nothing", async () => {
    const logs: string[] = [];
    const conns = createCoreConnections<MessagePort, RendererEndpoint<MessagePort>>(newChannel, (l) => logs.push(l));
    const win = renderer();
    conns.addRenderer(win.endpoint);
    conns.coreStarted({ connect: () => Promise.reject(new Error("Child process has exited")) });
    await settle();
    expect(win.received).toHaveLength(0);
    expect(logs[0]).toMatch(/cannot connect: Child process has exited/);
  });
});
