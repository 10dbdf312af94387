import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { openStore, type Store } from "../store/open-store";
import { tempDir } from "../testing/temp-dir";
import type { Core } from "../core";
import { openModelsCore, type ModelsTestContract } from "./test-core";
import { bestThreads, resolveThreads, ThreadCalibrations } from "./thread-calibration";
import { machineFingerprint, threadCandidates } from "./threads";
import type { ThreadTiming } from "./worker/calibrate";

describe("bestThreads", () => {
  it("takes the fastest count, or fewer threads when within 5 % of it", () => {
    expect(bestThreads([{ threads: 1, tokensPerSecond: 2000 }, { threads: 2, tokensPerSecond: 80 }])).toBe(1);
    expect(bestThreads([{ threads: 1, tokensPerSecond: 10 }, { threads: 4, tokensPerSecond: 30 }, { threads: 8, tokensPerSecond: 31 }])).toBe(4);
  });
});

describe("resolveThreads (auto measures once per model and machine)", () => {
  let store: Store;
  let cleanup: () => void;
  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    store = openStore(t.dir);
  });
  afterAll(() => {
    store.close();
    cleanup();
  });

  it("uses a fixed setting as given, measures on auto, reuses the measurement, and measures again on another machine", async () => {
    const calibrations = new ThreadCalibrations(store.db);
    const runs: number[][] = [];
    const calibrate = async (candidates: number[]): Promise<ThreadTiming[]> => {
      runs.push(candidates);
      return candidates.map((threads) => ({ threads, tokensPerSecond: threads === 1 ? 100 : 50 }));
    };
    expect(await resolveThreads({ setting: 3, modelKey: "m", calibrations, calibrate })).toBe(3);
    expect(runs).toEqual([]);
    // Two callers at once share one measurement.
    const both = await Promise.all([1, 2].map(() => resolveThreads({ setting: "auto", modelKey: "m", calibrations, calibrate, machine: "A" })));
    expect(both).toEqual([1, 1]);
    expect(runs).toHaveLength(1);
    expect(await resolveThreads({ setting: "auto", modelKey: "m", calibrations, calibrate, machine: "A" })).toBe(1);
    expect(runs).toHaveLength(1);
    await resolveThreads({ setting: "auto", modelKey: "m", calibrations, calibrate, machine: "B" });
    expect(runs).toHaveLength(2);
    expect(calibrations.get("m", "B")?.measured.length).toBe(runs[1]!.length);
  });

  it("falls back to the estimate when the measurement fails, and does not store it", async () => {
    const calibrations = new ThreadCalibrations(store.db);
    const n = await resolveThreads({ setting: "auto", modelKey: "broken", calibrations, calibrate: () => Promise.reject(new Error("no")), machine: "A" });
    expect(n).toBeGreaterThanOrEqual(1);
    expect(calibrations.get("broken", "A")).toBeNull();
  });
});

describe("threads auto through the real model worker", () => {
  let core: Core<ModelsTestContract>;
  let client: ReturnType<typeof openModelsCore>["client"];
  let cleanup: () => void;
  let model: string;
  beforeAll(async () => {
    model = await ensureTestModel();
    const t = tempDir();
    cleanup = t.cleanup;
    ({ core, client } = openModelsCore(join(t.dir, "data")));
  });
  afterAll(async () => {
    client.close();
    await core.close();
    cleanup();
  });

  it("measures the test model at each candidate count at first load, shows it in models.list, and does not measure again", async () => {
    const { runJob } = await import("../../common/rpc/run-job");
    const { modelsTestContract } = await import("./test-core");
    const rec = await runJob(modelsTestContract, client, "models.import", { path: model });
    await runJob(modelsTestContract, client, "models.load", { id: rec.id, role: "chat" });
    const calibrations = new ThreadCalibrations(core.store.db);
    const first = calibrations.get(rec.id, machineFingerprint());
    expect(first?.measured.map((m) => m.threads)).toEqual(threadCandidates());
    expect(first!.measured.every((m) => m.tokensPerSecond > 0)).toBe(true);
    const { models } = await client.call("models.list", {});
    expect(models[0]!.threads).toMatchObject({ source: "measured", count: first!.threads, measured: first!.measured });
    await client.call("models.unload", {});
    await runJob(modelsTestContract, client, "models.load", { id: rec.id, role: "chat" });
    expect(calibrations.get(rec.id, machineFingerprint())?.measuredAt).toBe(first!.measuredAt);
    await client.call("settings.set", { threads: 2 });
    expect((await client.call("models.list", {})).models[0]!.threads).toMatchObject({ source: "setting", count: 2 });
  });
});
