import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CoreState } from "../../../electron/common/contract";
import { createSwitchableTransport } from "../../../electron/common/rpc/switchable";
import { FAILED_AFTER, SLOW_RETRY_MS } from "./backoff";
import { parseFrame, startReconnecting, type SocketHandlers } from "./reconnect";

/** A scripted stand-in for WebSocket: the test decides when each socket opens or closes. */
function fakeServer() {
  const sockets: { handlers: SocketHandlers; sent: string[]; closed: boolean }[] = [];
  const connect = (handlers: SocketHandlers) => {
    const s = { handlers, sent: [] as string[], closed: false };
    sockets.push(s);
    return {
      send: (t: string) => s.sent.push(t),
      close: () => {
        if (s.closed) return;
        s.closed = true;
        queueMicrotask(() => handlers.onClose());
      },
    };
  };
  const last = () => sockets[sockets.length - 1]!;
  return { sockets, connect, last };
}

function setup() {
  const server = fakeServer();
  const target = createSwitchableTransport();
  const states: CoreState[] = [];
  const loop = startReconnecting({ connect: server.connect, target, onState: (s) => states.push(s) });
  return { server, target, states, loop };
}

describe("startReconnecting", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reports starting, then running once the socket opens", () => {
    const { server, target, states } = setup();
    expect(states).toEqual([{ state: "starting", attempt: 0 }]);
    expect(target.attached).toBe(false);
    server.last().handlers.onOpen();
    expect(states.at(-1)).toEqual({ state: "running", attempt: 0 });
    expect(target.attached).toBe(true);
  });

  it("sends JSON, delivers parsed frames and drops non-JSON", () => {
    const { server, target } = setup();
    const got: unknown[] = [];
    target.onMessage((m) => got.push(m));
    target.send({ type: "req", id: 1 }); // queued until open
    server.last().handlers.onOpen();
    expect(server.last().sent).toEqual(['{"type":"req","id":1}']);
    server.last().handlers.onText('{"type":"evt"}');
    server.last().handlers.onText("not json {");
    expect(got).toEqual([{ type: "evt" }]);
  });

  it("reconnects after a drop with 0.5 s doubling backoff and reports restarting", async () => {
    const { server, target, states } = setup();
    let closes = 0;
    target.onClose(() => closes++);
    server.last().handlers.onOpen();
    server.last().handlers.onClose();
    expect(closes).toBe(1);
    expect(states.at(-1)).toEqual({ state: "restarting", attempt: 1 });
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(2);
    server.last().handlers.onClose(); // second attempt fails too
    expect(states.at(-1)).toEqual({ state: "restarting", attempt: 2 });
    vi.advanceTimersByTime(999);
    expect(server.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(3);
    server.last().handlers.onOpen();
    expect(states.at(-1)).toEqual({ state: "running", attempt: 0 });
    expect(target.attached).toBe(true);
  });

  it("reports failed after repeated failures but keeps trying slowly", () => {
    const { server, states } = setup();
    for (let i = 0; i < FAILED_AFTER; i++) {
      server.last().handlers.onClose();
      vi.runOnlyPendingTimers();
    }
    const failedAt = states.findIndex((s) => s.state === "failed");
    expect(failedAt).toBeGreaterThan(0);
    expect(states.slice(1, failedAt).every((s) => s.state === "starting")).toBe(true);
    const count = server.sockets.length;
    server.last().handlers.onClose();
    vi.advanceTimersByTime(SLOW_RETRY_MS - 1);
    expect(server.sockets).toHaveLength(count);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(count + 1);
    server.last().handlers.onOpen();
    expect(states.at(-1)).toEqual({ state: "running", attempt: 0 });
  });

  it("ignores a second close and stops retrying when stopped", () => {
    const { server, states, loop } = setup();
    server.last().handlers.onClose();
    server.last().handlers.onClose();
    expect(states.filter((s) => s.state !== "running")).toHaveLength(2);
    loop.stop();
    vi.advanceTimersByTime(60_000);
    expect(server.sockets).toHaveLength(1);
  });

  it("counts a connector that throws as a failed attempt", () => {
    const target = createSwitchableTransport();
    const states: CoreState[] = [];
    let calls = 0;
    startReconnecting({
      connect: () => {
        calls++;
        throw new Error("blocked");
      },
      target,
      onState: (s) => states.push(s),
    });
    expect(states.at(-1)).toEqual({ state: "starting", attempt: 2 });
    vi.advanceTimersByTime(1000);
    expect(calls).toBe(2);
  });
});

describe("parseFrame", () => {
  it("parses JSON and marks everything else", () => {
    expect(parseFrame("[1]")).toEqual([1]);
    expect(typeof parseFrame("}")).toBe("symbol");
  });
});
