import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RpcError } from "../../common/rpc/wire";
import { workerProcessOverPort, type PortLike } from "./process-host";
import { WorkerClient } from "./worker-client";

/** Stands in for Electron's MessagePortMain + utilityProcess (the Electron binary cannot run here). */
function fakeUtilityWorker(reply: (msg: { type: string; id: number }, post: (m: unknown) => void) => void) {
  const exit = new EventEmitter();
  const port = new EventEmitter() as EventEmitter & PortLike;
  port.start = () => {};
  port.close = () => {};
  port.postMessage = (m: unknown) => queueMicrotask(() => reply(m as { type: string; id: number }, (r) => port.emit("message", { data: r })));
  return {
    handle: { port, pid: 4242, onExit: (fn: (c: number | null, s: string | null) => void) => void exit.on("exit", fn), kill: () => exit.emit("exit", null, "SIGTERM") },
    crash: () => exit.emit("exit", null, "SIGABRT"),
  };
}

describe("process host over a port (Electron utilityProcess)", () => {
  it("carries requests and answers, and turns an exit into a clear error; next use starts again", async () => {
    const starts: number[] = [];
    let crash = (): void => {};
    const client = new WorkerClient({
      start: () => {
        const w = fakeUtilityWorker((msg, post) => {
          if (msg.type === "status") post({ type: "result", id: msg.id, value: { loaded: [] } });
        });
        starts.push(1);
        crash = w.crash;
        return workerProcessOverPort(w.handle);
      },
    });
    const schema = z.object({ loaded: z.array(z.unknown()) });
    expect(await client.request("status", {}, schema)).toEqual({ loaded: [] });
    const pending = client.request("count", {}, schema);
    crash();
    const e = await pending.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RpcError);
    expect((e as RpcError).message).toMatch(/模型进程意外退出（信号 SIGABRT）/);
    expect(await client.request("status", {}, schema)).toEqual({ loaded: [] });
    expect(starts).toHaveLength(2);
    await client.close();
  });
});
