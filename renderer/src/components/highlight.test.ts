import { describe, expect, it } from "vitest";
import { passageRanges, splitHighlight } from "./highlight";

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

describe("passageRanges", () => {
  it("maps a passage onto the text-layer pieces it spans, ignoring the layer's spaces", () => {
    const pieces = ["二、重点任务", "（二）落实离线存储要求。涉密数据一律离线 存储，严禁连接互联网。", "三、保障措施"];
    expect(passageRanges(pieces, "涉密数据一律离线存储")).toEqual([{ piece: 1, from: 12, to: 23 }]);
    expect(pieces[1]!.slice(12, 23)).toBe("涉密数据一律离线 存储");
    expect(passageRanges(pieces, "重点任务（二）落实")).toEqual([
      { piece: 0, from: 2, to: 6 },
      { piece: 1, from: 0, to: 5 },
    ]);
    expect(passageRanges(pieces, "没有的内容")).toEqual([]);
  });
});
