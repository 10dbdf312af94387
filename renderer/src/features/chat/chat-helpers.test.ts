import { describe, expect, it } from "vitest";
import { remarkCitations, splitCitations } from "./remark-citations";

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
