import { describe, expect, it } from "vitest";
import { diffChars } from "./diff";

describe("diffChars", () => {
  it("shows what a revision removes and adds", () => {
    expect(diffChars("截止目前已完成", "截至目前已全部完成")).toEqual([
      { type: "same", text: "截" },
      { type: "removed", text: "止" },
      { type: "added", text: "至" },
      { type: "same", text: "目前已" },
      { type: "added", text: "全部" },
      { type: "same", text: "完成" },
    ]);
    expect(diffChars("", "新")).toEqual([{ type: "added", text: "新" }]);
    expect(diffChars("同", "同")).toEqual([{ type: "same", text: "同" }]);
  });
});
