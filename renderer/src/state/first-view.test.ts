import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { firstView } from "./first-view";

describe("firstView", () => {
  it("resolves at once when the stores already hold what the first view needs", async () => {
    const s = createStore(() => ({ loaded: true }));
    await expect(firstView([s], () => s.getState().loaded, 10_000)).resolves.toBe("ready");
  });

  it("resolves when the last of several stores becomes ready, not before, and then stops watching", async () => {
    const settings = createStore(() => ({ loaded: false }));
    const info = createStore(() => ({ loaded: false }));
    let checks = 0;
    const ready = (): boolean => (checks++, settings.getState().loaded && info.getState().loaded);
    let settled = false;
    const p = firstView([settings, info], ready, 10_000).then((how) => ((settled = true), how));
    settings.setState({ loaded: true });
    await Promise.resolve();
    expect(settled).toBe(false);
    info.setState({ loaded: true });
    await expect(p).resolves.toBe("ready");
    const after = checks;
    settings.setState({ loaded: false });
    info.setState({ loaded: true });
    expect(checks).toBe(after);
  });

  it("gives up after the cap, so a slow or absent core does not hold up the window", async () => {
    const s = createStore(() => ({ loaded: false }));
    const t = performance.now();
    await expect(firstView([s], () => s.getState().loaded, 50)).resolves.toBe("timeout");
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
    s.setState({ loaded: true }); // after the timeout: nothing left to resolve, nothing thrown
  });
});
