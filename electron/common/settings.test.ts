import { describe, expect, it } from "vitest";
import { SettingsPatch } from "./settings";

describe("SettingsPatch", () => {
  it("keeps only the keys given (zod 4's partial() would fill in every default)", () => {
    expect(SettingsPatch.parse({ theme: "dark" })).toEqual({ theme: "dark" });
    expect(SettingsPatch.parse({})).toEqual({});
    expect(SettingsPatch.parse({ defaultChatModelId: null })).toEqual({ defaultChatModelId: null });
  });

  it("still validates each value and refuses unknown keys", () => {
    expect(SettingsPatch.safeParse({ language: "fr" }).success).toBe(false);
    expect(SettingsPatch.safeParse({ colour: "red" }).success).toBe(false);
  });
});
