import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SettingsPatch } from "../../../../electron/common/settings";
import { isDirty, isValidThreadCount, SUGGESTED_THREADS, toFormValues, toPatch } from "./settings-form";

describe("settings form mapping", () => {
  it("shows auto threads as a choice with a suggested number", () => {
    expect(toFormValues(DEFAULT_SETTINGS)).toEqual({
      language: "zh-CN",
      theme: "light",
      fontScale: 100,
      threadsMode: "auto",
      threadsCount: SUGGESTED_THREADS,
      sendKey: "enter",
      chatSystemPrompt: "",
      chatTemperature: 0.7,
    });
  });

  it("round-trips fixed threads", () => {
    const s = { ...DEFAULT_SETTINGS, language: "en", theme: "dark", fontScale: 130, threads: 12 } as const;
    expect(toPatch(toFormValues(s))).toEqual({ language: "en", theme: "dark", fontScale: 130, threads: 12, sendKey: "enter", chatSystemPrompt: "", chatTemperature: 0.7 });
  });

  it("sends auto regardless of the number box when auto is chosen", () => {
    expect(toPatch({ ...toFormValues(DEFAULT_SETTINGS), threadsMode: "auto", threadsCount: 8 }).threads).toBe("auto");
  });

  it("always produces a patch the contract accepts", () => {
    for (const threadsCount of [null, 0, 1, 64, 65, 2.5]) {
      const patch = toPatch({ ...toFormValues(DEFAULT_SETTINGS), threadsMode: "fixed", threadsCount });
      expect(SettingsPatch.safeParse(patch).success).toBe(true);
    }
  });

  it("accepts whole thread counts from 1 to 64 only", () => {
    expect([1, 64].every(isValidThreadCount)).toBe(true);
    expect([0, 65, 2.5, null, "8", Number.NaN].some(isValidThreadCount)).toBe(false);
  });
});

describe("unsaved changes", () => {
  it("are what differs from the saved settings, not how the form holds them", () => {
    const form = toFormValues(DEFAULT_SETTINGS);
    expect(isDirty(form, DEFAULT_SETTINGS)).toBe(false);
    // A number typed while "auto" is chosen changes nothing that would be saved.
    expect(isDirty({ ...form, threadsCount: 9 }, DEFAULT_SETTINGS)).toBe(false);
    expect(isDirty({ ...form, theme: "dark" }, DEFAULT_SETTINGS)).toBe(true);
    expect(isDirty({ ...form, threadsMode: "fixed", threadsCount: 8 }, DEFAULT_SETTINGS)).toBe(true);
    expect(isDirty({ ...form, sendKey: "ctrlEnter" }, DEFAULT_SETTINGS)).toBe(true);
    // A count save would refuse (999) is still unsaved work.
    expect(isDirty({ ...form, threadsMode: "fixed", threadsCount: 999 }, DEFAULT_SETTINGS)).toBe(true);
  });
});
