import { describe, expect, it } from "vitest";
import { pickFeature } from "./resolve";

describe("pickFeature", () => {
  const list = [{ id: "settings" }, { id: "about" }];

  it("finds a registered screen", () => {
    expect(pickFeature(list, "about")).toBe(list[1]);
  });

  it("falls back to the first screen for none or an unbuilt one", () => {
    expect(pickFeature(list, null)).toBe(list[0]);
    expect(pickFeature(list, "chat")).toBe(list[0]);
  });

  it("refuses an empty registry", () => {
    expect(() => pickFeature([], null)).toThrow();
  });
});
