import { describe, expect, it } from "vitest";
import { parsePaths, snippetParts } from "./snippet-parts";

describe("knowledge screen helpers", () => {
  it("splits 【】-marked snippets into parts", () => {
    expect(snippetParts("…各单位【盘点】台账【审批】。")).toEqual([
      { text: "…各单位", mark: false },
      { text: "盘点", mark: true },
      { text: "台账", mark: false },
      { text: "审批", mark: true },
      { text: "。", mark: false },
    ]);
    expect(snippetParts("无匹配")).toEqual([{ text: "无匹配", mark: false }]);
  });

  it("drops blank path lines", () => {
    expect(parsePaths(" /a/公文 目录 \n\n/b.pdf\n")).toEqual(["/a/公文 目录", "/b.pdf"]);
  });
});
