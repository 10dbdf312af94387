import { describe, expect, it } from "vitest";
import { pickThreads } from "./threads";

describe("pickThreads", () => {
  it("uses a number setting as given", () => expect(pickThreads(3, { logical: 16, load: 0 })).toBe(3));
  it("takes free physical cores on auto", () => {
    expect(pickThreads("auto", { logical: 16, load: 0 })).toBe(8);
    expect(pickThreads("auto", { logical: 16, load: 3.2 })).toBe(5);
    expect(pickThreads("auto", { logical: 2, load: 1.6 })).toBe(1);
    expect(pickThreads("auto", { logical: 2, load: 9 })).toBe(1);
  });
});
