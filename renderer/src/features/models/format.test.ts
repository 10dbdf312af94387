import { describe, expect, it } from "vitest";
import { backendName, cpuOnly, formatBytes, formatParameters, percent } from "./format";

describe("models screen formatting", () => {
  it("formats sizes and parameter counts", () => {
    expect(formatBytes(480_512)).toBe("469 KB");
    expect(formatBytes(4.7 * 1024 ** 3)).toBe("4.7 GB");
    expect(formatParameters(7_615_616_512)).toBe("7.6B");
    expect(formatParameters(117_696)).toBe("118K");
  });
  it("keeps progress within 0–100", () => {
    expect(percent(5, 10)).toBe(50);
    expect(percent(5, 0)).toBe(0);
    expect(percent(11, 10)).toBe(100);
  });
});

describe("backend names", () => {
  it("names llama.cpp's backends as users know them, and tells a CPU-only machine", () => {
    expect(backendName("cuda")).toBe("NVIDIA CUDA");
    expect(backendName("cpu")).toBe("CPU");
    expect(backendName("rocm")).toBe("rocm");
    expect(cpuOnly({ backend: "cpu", vramTotal: 0 })).toBe(true);
    expect(cpuOnly({ backend: "vulkan", vramTotal: 0 })).toBe(true);
    expect(cpuOnly({ backend: "cuda", vramTotal: 8e9 })).toBe(false);
  });
});
