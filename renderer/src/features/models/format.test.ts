import { describe, expect, it } from "vitest";
import { formatBytes, formatParameters, percent } from "./format";

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
