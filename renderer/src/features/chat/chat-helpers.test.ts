import { describe, expect, it } from "vitest";
import { splitHighlight } from "./highlight";
import { remarkCitations, splitCitations } from "./remark-citations";

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

describe("remarkCitations", () => {
  it("turns [n] into citation links and leaves other text alone", () => {
    expect(splitCitations("见[1]和[12]。")).toEqual([
      { type: "text", value: "见" },
      { type: "link", url: "#cite-1", children: [{ type: "text", value: "[1]" }] },
      { type: "text", value: "和" },
      { type: "link", url: "#cite-12", children: [{ type: "text", value: "[12]" }] },
      { type: "text", value: "。" },
    ]);
  });
  it("makes raw HTML plain text and keeps code untouched", () => {
    const tree = {
      type: "root",
      children: [
        { type: "paragraph", children: [{ type: "html", value: "<img src=x onerror=alert(1)>" }, { type: "text", value: "依据[2]" }] },
        { type: "code", value: "a[1]" },
      ],
    };
    remarkCitations()(tree);
    expect(JSON.stringify(tree)).toContain('{"type":"text","value":"<img src=x onerror=alert(1)>"}');
    expect(JSON.stringify(tree)).toContain('"url":"#cite-2"');
    expect(tree.children[1]).toEqual({ type: "code", value: "a[1]" });
  });
});
