import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { secondInstanceActions, setupSingleInstance, type WindowLike } from "./single-instance";

function window(state: { destroyed?: boolean; minimized?: boolean; visible?: boolean }) {
  const calls: string[] = [];
  const win: WindowLike = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    restore: () => void calls.push("restore"),
    show: () => void calls.push("show"),
    focus: () => void calls.push("focus"),
  };
  return { win, calls };
}

describe("secondInstanceActions", () => {
  it("restores a minimized window, shows a hidden one, always focuses", () => {
    expect(secondInstanceActions(window({}).win)).toEqual(["focus"]);
    expect(secondInstanceActions(window({ minimized: true }).win)).toEqual(["restore", "focus"]);
    expect(secondInstanceActions(window({ visible: false }).win)).toEqual(["show", "focus"]);
    expect(secondInstanceActions(window({ minimized: true, visible: false }).win)).toEqual(["restore", "show", "focus"]);
  });

  it("does nothing without a live window (still starting, or closing)", () => {
    expect(secondInstanceActions(null)).toEqual([]);
    expect(secondInstanceActions(window({ destroyed: true }).win)).toEqual([]);
  });
});

describe("setupSingleInstance", () => {
  function app(gotLock: boolean) {
    const emitter = new EventEmitter();
    let quit = 0;
    const a = {
      requestSingleInstanceLock: () => gotLock,
      quit: () => void quit++,
      on: (event: "second-instance", l: () => void) => emitter.on(event, l),
    };
    return { a, emitter, quits: () => quit };
  }

  it("quits when another instance holds the lock and registers nothing", () => {
    const { a, emitter, quits } = app(false);
    expect(setupSingleInstance(a, () => null)).toBe(false);
    expect(quits()).toBe(1);
    expect(emitter.listenerCount("second-instance")).toBe(0);
  });

  it("keeps running with the lock and brings the window forward on a second launch", () => {
    const { a, emitter, quits } = app(true);
    const { win, calls } = window({ minimized: true });
    expect(setupSingleInstance(a, () => win)).toBe(true);
    expect(quits()).toBe(0);
    emitter.emit("second-instance");
    expect(calls).toEqual(["restore", "focus"]);
  });
});
