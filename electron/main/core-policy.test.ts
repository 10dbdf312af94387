import { afterEach, describe, expect, it, vi } from "vitest";
import { CORE_POLICY_TYPE } from "../common/core-policy";
import { waitForCorePolicy } from "./core-policy";

afterEach(() => vi.useRealTimers());

describe("waitForCorePolicy: DevTools only as the admin policy says", () => {
  it("takes the core's first report; later reports (a restarted core) change nothing", async () => {
    const w = waitForCorePolicy({ timeoutMs: 1000 });
    expect(w.handle({ type: CORE_POLICY_TYPE, devtools: true })).toBe(true);
    expect(w.handle({ type: CORE_POLICY_TYPE, devtools: false })).toBe(true);
    await expect(w.ready).resolves.toEqual({ devtools: true });
  });

  it("ignores other messages and malformed reports", () => {
    const w = waitForCorePolicy({ timeoutMs: 1000 });
    expect(w.handle({ type: "grant-paths.done", id: 1 })).toBe(false);
    expect(w.handle({ type: CORE_POLICY_TYPE, devtools: "yes" })).toBe(false);
    expect(w.handle({ type: CORE_POLICY_TYPE, devtools: true, extra: 1 })).toBe(false);
    w.handle({ type: CORE_POLICY_TYPE, devtools: false });
  });

  it("without a report in time (the core did not start), no DevTools", async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const w = waitForCorePolicy({ timeoutMs: 1000, log: (l) => lines.push(l) });
    vi.advanceTimersByTime(1000);
    await expect(w.ready).resolves.toEqual({ devtools: false });
    expect(w.handle({ type: CORE_POLICY_TYPE, devtools: true })).toBe(true);
    await expect(w.ready).resolves.toEqual({ devtools: false });
    expect(lines[0]).toMatch(/without DevTools/);
  });
});
