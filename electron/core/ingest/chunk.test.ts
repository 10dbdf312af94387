import { describe, expect, it } from "vitest";
import { chunkPages, estimateTokens, headingLevel, pageAt, pagesOfSpan, splitSentences } from "./chunk";

describe("headingLevel", () => {
  it.each([
    ["一、总体要求", 1],
    ["十二、附则", 1],
    ["（一）适用范围", 2],
    ["(三)工作要求", 2],
    ["1.明确责任", 3],
    ["2、加强宣传", 3],
    ["（1）报名时间", 4],
    ["第三章 监督管理", 0],
  ])("%s is level %d", (line, level) => expect(headingLevel(line)).toBe(level));

  it.each(["1.5万元以上的项目须报批", "各单位要高度重视。", "一是加强领导"])("%s is not a heading", (line) => {
    expect(headingLevel(line)).toBeNull();
  });
});

describe("estimateTokens / splitSentences", () => {
  it("counts a CJK character as one token and ASCII words by length", () => {
    expect(estimateTokens("盘点台账")).toBe(4);
    expect(estimateTokens("abcdefgh")).toBe(2);
  });
  it("cuts after 。！？； and keeps closing quotes with their sentence", () => {
    expect(splitSentences("甲。乙！丙？丁；戊")).toEqual(["甲。", "乙！", "丙？", "丁；", "戊"]);
    expect(splitSentences("他说：“好。”然后走了。")).toEqual(["他说：“好。”", "然后走了。"]);
  });
});

const NOTICE = [
  "关于加强办公用品采购管理的通知",
  "各区人民政府，市政府各部门：",
  "为进一步规范办公用品采购，现就有关事项通知如下。",
  "一、严格采购审批",
  "（一）审批权限",
  "各单位采购办公用品须经分管领导审批。",
  "（二）备案要求",
  "单笔超过五千元的报财务部门备案。",
  "二、实行季度盘点",
  "各单位每季度末对办公用品进行盘点，建立台账。",
].join("\n");

describe("chunkPages", () => {
  it("starts a chunk at each 一、 and （一） heading and records the heading path", () => {
    const chunks = chunkPages([{ page: 1, text: NOTICE }], { targetTokens: 400, overlapTokens: 0 });
    expect(chunks.map((c) => c.headingPath)).toEqual([
      [],
      ["一、严格采购审批"],
      ["一、严格采购审批", "（一）审批权限"],
      ["一、严格采购审批", "（二）备案要求"],
      ["二、实行季度盘点"],
    ]);
    expect(chunks[2]!.text).toBe("（一）审批权限\n各单位采购办公用品须经分管领导审批。");
    expect(chunks[4]!.text).toContain("建立台账");
  });

  it("keeps page numbers: a chunk spanning a page break lists both pages", () => {
    const pages = [
      { page: 1, text: "一、总则\n第一段在第一页。" },
      { page: 2, text: "第二段在第二页。" },
      { page: 3, text: "二、附则\n本办法自印发之日起施行。" },
    ];
    const chunks = chunkPages(pages, { targetTokens: 400, overlapTokens: 0 });
    expect(chunks.map((c) => c.pages)).toEqual([[1, 2], [3]]);
  });

  it("cuts a long paragraph at sentence ends to the target size, with overlap", () => {
    const sentence = (i: number): string => `这是第${"一二三四五六七八九十"[i]}句话用来测试分块的长度是否合适。`;
    const para = Array.from({ length: 10 }, (_, i) => sentence(i)).join("");
    const chunks = chunkPages([{ page: 1, text: para }], { targetTokens: 40, overlapTokens: 20 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.tokens).toBeLessThanOrEqual(60);
      expect(c.text.endsWith("。")).toBe(true);
    }
    // Overlap: each chunk after the first begins with the previous chunk's last sentence.
    for (let i = 1; i < chunks.length; i++) {
      const prevLast = splitSentences(chunks[i - 1]!.text).at(-1)!;
      expect(chunks[i]!.text.startsWith(prevLast)).toBe(true);
    }
    // Nothing lost: every sentence is in some chunk.
    for (let i = 0; i < 10; i++) expect(chunks.some((c) => c.text.includes(sentence(i)))).toBe(true);
  });

  it("hard-splits text with no sentence end and returns nothing for empty pages", () => {
    const chunks = chunkPages([{ page: 1, text: "字".repeat(100) }], { targetTokens: 30, overlapTokens: 0 });
    expect(chunks.map((c) => c.text).join("")).toBe("字".repeat(100));
    expect(Math.max(...chunks.map((c) => c.tokens))).toBeLessThanOrEqual(30);
    expect(chunkPages([{ page: 1, text: "  \n" }, { page: 2, text: "", needsOcr: true }], { targetTokens: 30, overlapTokens: 5 })).toEqual([]);
  });
});

describe("chunkPages: page-true chunks", () => {
  it("records where each page's part starts and which paragraphs the chunk covers", () => {
    const pages = [
      { page: 12, text: "一、总则\n第一段在第十二页。" },
      { page: 13, text: "第二段在第十三页。\n第三段也在第十三页。" },
    ];
    const [c] = chunkPages(pages, { targetTokens: 400, overlapTokens: 0 });
    expect(c!.pages).toEqual([12, 13]);
    expect(c!.pageStarts).toEqual([
      { offset: 0, page: 12 },
      { offset: c!.text.indexOf("第二段"), page: 13 },
    ]);
    expect(c!.paragraphs).toEqual([1, 4]);
    expect(pageAt(c!.pageStarts, c!.text.indexOf("第三段"))).toBe(13);
    expect(pageAt(c!.pageStarts, c!.text.indexOf("第一段"))).toBe(12);
    expect(pagesOfSpan(c!.pageStarts, c!.text.indexOf("第一段"), c!.text.indexOf("第三段"))).toEqual([12, 13]);
  });

  it("a sentence broken by a page break stays one paragraph (no line break inside it), its parts on their pages", () => {
    const pages = [
      { page: 2, text: "（一）基本资料。申请人提出申请时，应完整提" },
      { page: 3, text: "交以下基本资料：身份证、户口簿。\n其他材料另行提交。" },
    ];
    const [c] = chunkPages(pages, { targetTokens: 400, overlapTokens: 0 });
    expect(c!.text).toContain("应完整提交以下基本资料");
    expect(c!.paragraphs).toEqual([1, 2]);
    expect(pageAt(c!.pageStarts, c!.text.indexOf("交以下"))).toBe(3);
    expect(pageAt(c!.pageStarts, c!.text.indexOf("应完整"))).toBe(2);
  });
});
