import { afterEach, describe, expect, it, vi } from "vitest";
import { waitForCorePolicy } from "./core-policy";

afterEach(() => vi.useRealTimers());

describe("waitForCorePolicy: DevTools only as the admin policy says", () => {
  it("takes the core's first report; later reports (a restarted core) change nothing", async () => {
    const w = waitForCorePolicy({ timeoutMs: 1000 });
    w.report({ devtools: true });
    w.report({ devtools: false });
    await expect(w.ready).resolves.toEqual({ devtools: true });
  });

  it("a restarted core reading a policy that now allows DevTools does not turn them on", async () => {
    const w = waitForCorePolicy({ timeoutMs: 1000 });
    w.report({ devtools: false });
    w.report({ devtools: true });
    await expect(w.ready).resolves.toEqual({ devtools: false });
  });

  it("without a report in time (the core did not start), no DevTools", async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const w = waitForCorePolicy({ timeoutMs: 1000, log: (l) => lines.push(l) });
    vi.advanceTimersByTime(1000);
    await expect(w.ready).resolves.toEqual({ devtools: false });
    w.report({ devtools: true });
    await expect(w.ready).resolves.toEqual({ devtools: false });
    expect(lines[0]).toMatch(/without DevTools/);
  });
});
