import { describe, expect, it } from "vitest";
import { isTrustedSender, validatedIpc, type FrameLike, type IpcEventLike } from "./ipc-guard";

// Plain objects shaped like the WebFrameMain values Electron hands us.
const main: FrameLike = { url: "app://govdesk/index.html", processId: 4, routingId: 1, parent: null, detached: false };
const sub: FrameLike = { url: "app://govdesk/index.html", processId: 4, routingId: 7, parent: main, detached: false };

describe("isTrustedSender", () => {
  it("trusts the main frame of our window showing our page", () => {
    expect(isTrustedSender(main, main)).toBe(true);
    // A distinct wrapper object for the same frame (Electron may return a new one).
    expect(isTrustedSender({ ...main, url: "app://govdesk/index.html#/chat" }, main)).toBe(true);
  });

  it("refuses a missing frame (destroyed or navigated away) or a missing window", () => {
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(undefined, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });

  it("refuses a sub-frame, even one of ours at our own URL", () => {
    expect(isTrustedSender(sub, main)).toBe(false);
    expect(isTrustedSender({ ...sub, routingId: 1 }, main)).toBe(false); // same ids but has a parent
  });

  it("refuses a frame of another window or process", () => {
    expect(isTrustedSender({ ...main, processId: 5 }, main)).toBe(false);
    expect(isTrustedSender({ ...main, routingId: 2 }, main)).toBe(false);
  });

  it.each([
    "https://example.com/",
    "file:///opt/govdesk/dist/renderer/index.html",
    "app://evil/index.html",
    "app://govdesk.evil/index.html",
    "app://govdesk@evil/",
    "about:blank",
    "data:text/html,hi",
    "",
  ])("refuses our main frame once it shows %s", (url) => {
    expect(isTrustedSender({ ...main, url }, main)).toBe(false);
  });

  it("refuses a detached frame", () => {
    expect(isTrustedSender({ ...main, detached: true }, main)).toBe(false);
  });
});

describe("validatedIpc", () => {
  /** Stands in for ipcMain (the Electron binary cannot run here); the guard logic is the real one. */
  function fakeIpc() {
    const on = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
    const handle = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    return {
      ipc: { on: (c: string, l: (event: IpcEventLike, ...args: unknown[]) => void) => on.set(c, l), handle: (c: string, l: (event: IpcEventLike, ...args: unknown[]) => unknown) => handle.set(c, l) },
      send: (c: string, event: IpcEventLike, ...args: unknown[]) => on.get(c)!(event, ...args),
      invoke: (c: string, event: IpcEventLike, ...args: unknown[]) => handle.get(c)!(event, ...args),
    };
  }
  const ours = { sender: "our-window", senderFrame: main };
  const iframe = { sender: "our-window", senderFrame: sub };

  it("checks the sender once for every channel: the trusted window's messages get through, others are refused and logged", async () => {
    const { ipc, send, invoke } = fakeIpc();
    const logs: string[] = [];
    const v = validatedIpc(ipc, (e) => (e.sender === "our-window" && isTrustedSender(e.senderFrame, main) ? "win" : null), (l) => logs.push(l));
    const got: unknown[] = [];
    v.on("ping", (win, arg) => got.push([win, arg]));
    v.handle("pick", [] as string[], async (win, arg) => [`${win}:${String(arg)}`]);
    send("ping", ours, 1);
    send("ping", iframe, 2);
    expect(got).toEqual([["win", 1]]);
    expect(await invoke("pick", ours, "x")).toEqual(["win:x"]);
    expect(await invoke("pick", iframe, "x")).toEqual([]);
    expect(await invoke("pick", { sender: "other", senderFrame: null }, "x")).toEqual([]);
    expect(logs).toEqual(["ipc: refused ping from app://govdesk/index.html", "ipc: refused pick from app://govdesk/index.html", "ipc: refused pick from (gone frame)"]);
  });
});
