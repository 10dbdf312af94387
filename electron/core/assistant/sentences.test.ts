import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";
import { pageSentences } from "./page-sentences";

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("splits at 。！？； and keeps runs of terminators together", () => {
    expect(texts("第一句。第二句！第三句？第四句；第五句……第六句！？")).toEqual([
      "第一句。",
      "第二句！",
      "第三句？",
      "第四句；",
      "第五句……",
      "第六句！？",
    ]);
  });

  it("keeps closing quotes with their sentence and does not split inside quotes", () => {
    expect(texts("他说：“要坚持。要发展。”会议随后结束。")).toEqual(["他说：“要坚持。要发展。”", "会议随后结束。"]);
  });

  it("never splits inside 〔2024〕, 《…》 or numbers", () => {
    expect(texts("根据国办发〔2024〕12号文件。增长3.5%，达到12.8亿元。见《关于加强管理的通知。》执行。")).toEqual([
      "根据国办发〔2024〕12号文件。",
      "增长3.5%，达到12.8亿元。",
      "见《关于加强管理的通知。》执行。",
    ]);
  });

  it("joins lines wrapped mid-sentence but splits before numbered items and after short lines", () => {
    const t = "关于加强办公用品采购管理的通知\n各单位采购办公用品须经分管领导审批，单笔超过五千\n元的报财务部门备案，并定期公示\n一、严格采购审批\n二、实行季度盘点";
    expect(texts(t)).toEqual([
      "关于加强办公用品采购管理的通知",
      "各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案，并定期公示",
      "一、严格采购审批",
      "二、实行季度盘点",
    ]);
  });

  it("handles English sentences without splitting version numbers", () => {
    expect(texts("Use v1.2 now. Then stop! 好的。")).toEqual(["Use v1.2 now.", "Then stop!", "好的。"]);
  });

  it("cuts a run with no punctuation at all into bounded pieces", () => {
    const long = "甲乙丙丁，".repeat(300);
    const parts = splitSentences(long);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(401);
    expect(parts.map((p) => p.text).join("")).toBe(long);
  });

  it("gives nothing for empty or punctuation-only text", () => {
    expect(texts("")).toEqual([]);
    expect(texts("。。。\n\n   ")).toEqual([]);
  });
});

describe("pageSentences", () => {
  it("knows each sentence's pages, including one running over a page break", () => {
    const s = pageSentences([
      { page: 1, text: "第一页的句子。跨页的句子从这里开始，" },
      { page: 2, text: "在第二页结束。第二页的句子。" },
    ]);
    expect(s.map((x) => [x.text, x.pages])).toEqual([
      ["第一页的句子。", [1]],
      ["跨页的句子从这里开始，在第二页结束。", [1, 2]],
      ["第二页的句子。", [2]],
    ]);
  });
});
