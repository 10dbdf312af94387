import { getLlama, type Llama } from "node-llama-cpp";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { estimateFit, fitLevel } from "./fit";
import { notFitText } from "./handlers";

let llama: Llama;
let model: string;

beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never" });
  model = await ensureTestModel();
}, 60_000);

describe("fit estimate (GgufInsights)", () => {
  it("puts the test model on the CPU with its trained context", async () => {
    const fit = await estimateFit(llama, model);
    expect(fit).toMatchObject({ level: "cpu", gpuLayers: 0, contextSize: 512 });
    expect(fit.ramBytes).toBeGreaterThan(400_000);
  });

  it("says a model whose need exceeds RAM+VRAM will not fit", async () => {
    const memory = { ram: { total: 100_000, free: 50_000 }, vram: { total: 0, free: 0, unifiedSize: 0 } };
    const fit = await estimateFit(llama, model, { memory });
    expect(fit.level).toBe("none");
    expect(notFitText(fit.ramBytes + fit.vramBytes)).toMatch(/本机内存加显存不足/);
  });

  it("grades GPU offload", () => {
    const base = { score: 1, totalLayers: 33, needBytes: 1, haveBytes: 2 };
    expect(fitLevel({ ...base, gpuLayers: 33 })).toBe("gpu");
    expect(fitLevel({ ...base, gpuLayers: 10 })).toBe("partial");
    expect(fitLevel({ ...base, gpuLayers: 0 })).toBe("cpu");
    expect(fitLevel({ ...base, gpuLayers: 33, needBytes: 3 })).toBe("none");
    expect(fitLevel({ ...base, gpuLayers: 0, score: 0 })).toBe("none");
  });
});
