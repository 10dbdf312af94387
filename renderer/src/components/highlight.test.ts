import { describe, expect, it } from "vitest";
import { splitHighlight } from "./highlight";

describe("splitHighlight", () => {
  it("finds a passage whatever the line breaks, returning slices of the page", () => {
    const page = "一、严格采购审批。各单位采购办公用品须经分管\n领导审批，单笔超过五千元的报财务部门备案。\n二、实行季度盘点。";
    const r = splitHighlight(page, "各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案。");
    expect(r?.before).toBe("一、严格采购审批。");
    expect(r?.match).toBe("各单位采购办公用品须经分管\n领导审批，单笔超过五千元的报财务部门备案。");
    expect(r!.before + r!.match + r!.after).toBe(page);
  });
  it("gives null when the passage is not on the page", () => {
    expect(splitHighlight("完全不同的内容", "采购审批")).toBeNull();
    expect(splitHighlight("任何内容", "  ")).toBeNull();
  });
});
