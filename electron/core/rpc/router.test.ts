import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../common/rpc/client";
import { runJob } from "../../common/rpc/run-job";
import { createMemoryPair, type Transport } from "../../common/rpc/transport";
import { RpcError } from "../../common/rpc/wire";
import { createCore, type Core } from "../core";
import { connectInProcess } from "./in-process";
import { demoContract, demoHandlers, type DemoContract } from "../testing/demo-contract";
import { tempDir } from "../testing/temp-dir";

let core: Core<DemoContract>;
let cleanup: () => void;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  core = createCore({ dataDir: t.dir, host: "test" }, { contract: demoContract, handlers: demoHandlers });
});
afterEach(async () => {
  await core.close();
  cleanup();
});

/** A raw peer that sends arbitrary messages and collects replies. */
function rawPeer(): { send: (m: unknown) => void; next: () => Promise<Record<string, unknown>>; end: Transport } {
  const [peer, server] = createMemoryPair();
  core.router.attach(server);
  const inbox: Record<string, unknown>[] = [];
  const waiters: ((m: Record<string, unknown>) => void)[] = [];
  peer.onMessage((m) => {
    const w = waiters.shift();
    if (w) w(m as Record<string, unknown>);
    else inbox.push(m as Record<string, unknown>);
  });
  return {
    send: (m) => peer.send(m),
    next: () => (inbox.length ? Promise.resolve(inbox.shift()!) : new Promise((r) => waiters.push(r))),
    end: peer,
  };
}

describe("router: malformed and unknown messages", () => {
  it.each([
    ["a string", "hello"],
    ["null", null],
    ["a request without method", { type: "req", id: 1 }],
    ["a wrong type tag", { type: "evt", id: 2, method: "app.info" }],
    ["an object id", { type: "req", id: { x: 1 }, method: "app.info", params: {} }],
  ])("answers %s with BAD_MESSAGE and keeps serving", async (_name, msg) => {
    const peer = rawPeer();
    peer.send(msg);
    const reply = await peer.next();
    expect(reply).toMatchObject({ type: "res", ok: false, error: { code: "BAD_MESSAGE" } });
    peer.send({ type: "req", id: 99, method: "app.info", params: {} });
    expect(await peer.next()).toMatchObject({ id: 99, ok: true });
  });

  it("keeps the request id of a message it can partly read", async () => {
    const peer = rawPeer();
    peer.send({ type: "req", id: 7 });
    expect(await peer.next()).toMatchObject({ id: 7, ok: false, error: { code: "BAD_MESSAGE" } });
  });

  it("refuses unknown methods, including inherited object keys", async () => {
    const peer = rawPeer();
    for (const method of ["no.such", "__proto__", "constructor", "toString"]) {
      peer.send({ type: "req", id: method, method, params: {} });
      expect(await peer.next()).toMatchObject({ id: method, ok: false, error: { code: "UNKNOWN_METHOD" } });
    }
  });

  it("refuses input that does not match the schema, naming the field", async () => {
    const peer = rawPeer();
    peer.send({ type: "req", id: 1, method: "settings.set", params: { language: "fr" } });
    const reply = await peer.next();
    expect(reply).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(JSON.stringify(reply)).toContain("language");
    peer.send({ type: "req", id: 2, method: "settings.set", params: { unknownKey: 1 } });
    expect(await peer.next()).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });

  it("turns a handler's invalid output and unexpected exceptions into typed errors", async () => {
    const client = connectInProcess(demoContract, core.router);
    await expect(client.call("demo.badOutput", {})).rejects.toMatchObject({ code: "INVALID_OUTPUT" });
    await expect(client.call("demo.throw", {})).rejects.toMatchObject({ code: "INTERNAL", detail: "boom" });
    expect((await client.call("app.info", {})).host).toBe("test");
  });

  it("refuses to start when a contract method has no handler", async () => {
    const { createRouter } = await import("./router");
    expect(() => createRouter(demoContract, {} as never, { jobs: core.jobs })).toThrow(/no handler for app\.info/);
  });
});

describe("client: validation on the calling side", () => {
  it("rejects bad input before sending", async () => {
    const [a, b] = createMemoryPair();
    let received = 0;
    b.onMessage(() => received++);
    const client = createClient(demoContract, a);
    await expect(client.call("settings.set", { theme: "purple" } as never)).rejects.toBeInstanceOf(RpcError);
    expect(received).toBe(0);
  });

  it("refuses unknown and inherited method names without sending", async () => {
    const [a, b] = createMemoryPair();
    let received = 0;
    b.onMessage(() => received++);
    const client = createClient(demoContract, a);
    for (const name of ["constructor", "__proto__", "nope"]) {
      await expect(client.call(name as "app.info", {})).rejects.toMatchObject({ code: "UNKNOWN_METHOD" });
    }
    expect(received).toBe(0);
  });

  it("fails pending calls when the transport closes", async () => {
    const [a] = createMemoryPair();
    const client = createClient(demoContract, a);
    const pending = client.call("app.info", {});
    a.close();
    await expect(pending).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("drops events whose payload breaks the schema", async () => {
    const [a, b] = createMemoryPair();
    const bad: string[] = [];
    const client = createClient(demoContract, a, { onInvalid: (w) => bad.push(w) });
    const got: unknown[] = [];
    client.on("job.progress", (p) => got.push(p));
    b.send({ type: "evt", event: "job.progress", payload: { jobId: 1 } });
    b.send({ type: "evt", event: "job.progress", payload: { jobId: "j", method: "m", done: 1, total: 2, stage: "s" } });
    await new Promise((r) => setTimeout(r, 5));
    expect(got).toHaveLength(1);
    expect(bad[0]).toMatch(/invalid job.progress/);
  });
});

describe("jobs: id at once, progress, cancel, list", () => {
  it("runs a job to completion with ordered progress events", async () => {
    const client = connectInProcess(demoContract, core.router);
    const seen: number[] = [];
    const result = await runJob(demoContract, client, "demo.count", { to: 5, stepMs: 1 }, { onProgress: (p) => seen.push(p.done) });
    expect(result).toEqual({ counted: 5 });
    expect(seen.at(-1)).toBe(5);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    const listed = await client.call("jobs.list", {});
    expect(listed.find((j) => j.method === "demo.count")).toMatchObject({ state: "done", done: 5, total: 5 });
  });

  it("returns a job id immediately and lists the job as running", async () => {
    const client = connectInProcess(demoContract, core.router);
    const { jobId } = await client.call("demo.count", { to: 1000, stepMs: 5 });
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await client.call("jobs.list", {});
    expect(listed.find((j) => j.jobId === jobId)?.state).toBe("running");
    expect(await client.call("jobs.cancel", { jobId })).toEqual({ cancelled: true });
  });

  it("cancels through an AbortSignal and reports the job as cancelled", async () => {
    const client = connectInProcess(demoContract, core.router);
    const controller = new AbortController();
    let progressed = 0;
    const running = runJob(demoContract, client, "demo.count", { to: 1000, stepMs: 2 }, {
      signal: controller.signal,
      onProgress: () => {
        if (++progressed === 2) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: "CANCELLED" });
    const job = (await client.call("jobs.list", {})).find((j) => j.method === "demo.count");
    expect(job?.state).toBe("cancelled");
    expect(job?.done).toBeLessThan(1000);
    expect(await client.call("jobs.cancel", { jobId: job!.jobId })).toEqual({ cancelled: false });
  });

  it("reports a failing job's error with its code and message", async () => {
    const client = connectInProcess(demoContract, core.router);
    await expect(runJob(demoContract, client, "demo.fail", {})).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "演示任务失败：找不到文件",
    });
  });

  it("broadcasts job events to every connected window", async () => {
    const a = connectInProcess(demoContract, core.router);
    const b = connectInProcess(demoContract, core.router);
    const finishedOnB = new Promise((r) => b.on("job.finished", r));
    await runJob(demoContract, a, "demo.count", { to: 2, stepMs: 0 });
    await expect(finishedOnB).resolves.toMatchObject({ state: "done", result: { counted: 2 } });
  });
});
