import { afterEach, describe, expect, it } from "vitest";
import type { AppInfo } from "../common/contract";
import { createPreloadBridge, portTransport, type BridgeError, type PortLike } from "./bridge";

/*
 * Everything below runs over real MessagePorts: Node's global MessageChannel
 * (node:worker_threads' implementation, exposed with the web API; the
 * preload layer may not import node: modules) has the same postMessage /
 * "message" event / start / close shape as the DOM MessagePort the preload
 * gets. The "core" is a tiny responder on the other end of the
 * port that speaks the wire protocol; the client, the switchable transport
 * and window.api are the real ones.
 */
const INFO: AppInfo = {
  name: "GovDesk",
  version: "0.1.0",
  dataDir: "/tmp/govdesk",
  corePid: 4242,
  host: "electron",
  platform: "linux",
  arch: "x64",
  schemaVersion: 1,
  versions: { node: "22.0.0", electron: "45.3.4", chrome: "140", sqlite: "3.50.0", sqliteVec: "0.1.9" },
};

const opened: MessagePort[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
});

interface Req {
  type: "req";
  id: number;
  method: string;
  params: unknown;
}

/** A core stand-in on the far end of a real channel. Returns the renderer-side port. */
function responder(name = "core-1") {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const received: Req[] = [];
  port2.addEventListener("message", (e) => {
    const m = e.data as Req;
    received.push(m);
    if (m.method === "app.info") port2.postMessage({ type: "res", id: m.id, ok: true, result: { ...INFO, name } });
    else if (m.method === "jobs.cancel") {
      port2.postMessage({ type: "res", id: m.id, ok: false, error: { code: "NOT_FOUND", message: "没有这个任务", detail: "job x" } });
    } else if (m.method === "settings.get") port2.postMessage({ type: "res", id: m.id, ok: true, result: { language: "fr" } });
    // jobs.list: never answered (a call in flight when the core dies)
  });
  port2.start();
  const emit = (event: string, payload: unknown) => port2.postMessage({ type: "evt", event, payload });
  return { rendererPort: port1 as unknown as PortLike, corePort: port2, received, emit };
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe("portTransport over a real MessagePort", () => {
  it("delivers messages both ways and reports the peer closing", async () => {
    const { port1, port2 } = new MessageChannel();
    const t = portTransport(port1 as unknown as PortLike);
    const got: unknown[] = [];
    let closed = 0;
    t.onMessage((m) => got.push(m));
    t.onClose(() => closed++);
    port2.postMessage({ type: "evt", event: "x", payload: { n: 1 } });
    const back = new Promise((r) => port2.addEventListener("message", (e) => r(e.data), { once: true }));
    port2.start();
    t.send({ hello: "世界" });
    expect(await back).toEqual({ hello: "世界" });
    await tick();
    expect(got).toEqual([{ type: "evt", event: "x", payload: { n: 1 } }]);
    port2.close();
    await tick();
    expect(closed).toBe(1);
    expect(() => t.send({})).toThrow(/closed/);
  });
});

describe("window.api over a real port", () => {
  it("is exactly { call, on } — no ipcRenderer, no Node objects", () => {
    const { api } = createPreloadBridge();
    expect(Object.keys(api).sort()).toEqual(["call", "on"]);
    expect(typeof api.call).toBe("function");
    expect(typeof api.on).toBe("function");
  });

  it("call() resolves with the core's validated reply", async () => {
    const bridge = createPreloadBridge();
    const core = responder();
    bridge.attachPort(core.rendererPort);
    const info = await bridge.api.call("app.info", {});
    expect(info).toEqual({ ...INFO, name: "core-1" });
    expect(core.received[0]).toMatchObject({ type: "req", method: "app.info", params: {} });
  });

  it("calls made before the port arrives wait for it", async () => {
    const bridge = createPreloadBridge();
    const pending = bridge.api.call("app.info", {});
    await tick();
    const core = responder();
    bridge.attachPort(core.rendererPort);
    expect((await pending).corePid).toBe(4242);
  });

  it("errors arrive as plain { name, code, message, detail } objects that survive copying", async () => {
    const bridge = createPreloadBridge();
    bridge.attachPort(responder().rendererPort);
    const err = (await bridge.api.call("jobs.cancel", { jobId: "x" }).catch((e: unknown) => e)) as BridgeError;
    expect(err).toEqual({ name: "RpcError", code: "NOT_FOUND", message: "没有这个任务", detail: "job x" });
    expect(structuredClone(err)).toEqual(err);
    expect(Object.getPrototypeOf(err)).toBe(Object.prototype);

    const bad = (await bridge.api.call("settings.get", {}).catch((e: unknown) => e)) as BridgeError;
    expect(bad.code).toBe("INVALID_OUTPUT");
  });

  it("refuses bad input and unknown or prototype method names without touching the port", async () => {
    const bridge = createPreloadBridge();
    const core = responder();
    bridge.attachPort(core.rendererPort);
    const call = bridge.api.call as (m: string, i: unknown) => Promise<unknown>;
    expect(await call("jobs.cancel", { jobId: 5 }).catch((e: BridgeError) => e.code)).toBe("INVALID_INPUT");
    for (const m of ["nope", "__proto__", "constructor", "toString"]) {
      expect(await call(m, {}).catch((e: BridgeError) => e.code), m).toBe("UNKNOWN_METHOD");
    }
    await tick();
    expect(core.received).toHaveLength(0);
  });

  it("on() delivers validated core events and unsubscribes", async () => {
    const bridge = createPreloadBridge();
    const core = responder();
    bridge.attachPort(core.rendererPort);
    const progress: unknown[] = [];
    const off = bridge.api.on("job.progress", (p) => progress.push(p));
    const good = { jobId: "j1", method: "x", done: 1, total: 2, stage: "parse" };
    core.emit("job.progress", good);
    core.emit("job.progress", { jobId: "j1" }); // invalid: dropped
    await tick();
    expect(progress).toEqual([good]);
    off();
    core.emit("job.progress", good);
    await tick();
    expect(progress).toHaveLength(1);
    expect(() => (bridge.api.on as (e: string, l: () => void) => void)("__proto__", () => {})).toThrow(TypeError);
  });

  it("core.state comes from main's IPC, validated, with the last state replayed to late subscribers", async () => {
    const invalid: string[] = [];
    const bridge = createPreloadBridge({ onInvalid: (w) => invalid.push(w) });
    const core = responder();
    bridge.attachPort(core.rendererPort);
    const seen: unknown[] = [];
    bridge.api.on("core.state", (s) => seen.push(s));
    bridge.receiveCoreState({ state: "running", attempt: 0 });
    bridge.receiveCoreState({ state: "exploded", attempt: -1 });
    core.emit("core.state", { state: "failed", attempt: 9 }); // the core cannot speak for main
    await tick();
    expect(seen).toEqual([{ state: "running", attempt: 0 }]);
    expect(invalid.some((w) => w.includes("core.state"))).toBe(true);

    const late: unknown[] = [];
    bridge.api.on("core.state", (s) => late.push(s));
    await tick();
    expect(late).toEqual([{ state: "running", attempt: 0 }]);
  });

  it("survives a core restart: in-flight calls fail UNAVAILABLE, the same api works on the new port", async () => {
    const bridge = createPreloadBridge();
    const first = responder("core-1");
    bridge.attachPort(first.rendererPort);
    const inFlight = bridge.api.call("jobs.list", {}).catch((e: BridgeError) => e.code);
    await tick();
    bridge.receiveCoreState({ state: "restarting", attempt: 1, message: "核心服务意外退出" });
    expect(await inFlight).toBe("UNAVAILABLE");

    const queued = bridge.api.call("app.info", {}); // waits for the new port
    const second = responder("core-2");
    bridge.attachPort(second.rendererPort);
    bridge.receiveCoreState({ state: "running", attempt: 1 });
    expect((await queued).name).toBe("core-2");
  });

  it("a core that closes its port fails calls in flight", async () => {
    const bridge = createPreloadBridge();
    const core = responder();
    bridge.attachPort(core.rendererPort);
    const inFlight = bridge.api.call("jobs.list", {}).catch((e: BridgeError) => e.code);
    await tick();
    core.corePort.close();
    expect(await inFlight).toBe("UNAVAILABLE");
  });

  it("after the core failed for good, calls fail at once instead of waiting", async () => {
    const bridge = createPreloadBridge();
    bridge.receiveCoreState({ state: "failed", attempt: 5, message: "已连续失败 5 次" });
    const err = (await bridge.api.call("app.info", {}).catch((e: unknown) => e)) as BridgeError;
    expect(err.code).toBe("UNAVAILABLE");
  });
});

