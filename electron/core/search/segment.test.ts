import { describe, expect, it } from "vitest";
import { normalise, segmentForIndex, segmentQuery } from "./segment";
import { highlightTerms, makeSnippet } from "./snippet";

describe("segmentForIndex / segmentQuery", () => {
  it("indexes words, single CJK characters and bigrams", () => {
    const tokens = segmentForIndex("实行季度盘点").split(" ");
    for (const t of ["盘", "点", "盘点", "季度", "度盘"]) expect(tokens).toContain(t);
  });

  it("keeps numbers and Latin words but not the segmenter's Chinese words, which no query asks for", () => {
    const tokens = segmentForIndex("中华人民共和国档案法 GovDesk 第２０２４号").split(" ");
    for (const t of ["govdesk", "2024", "档案", "和国", "法"]) expect(tokens).toContain(t);
    expect(tokens).not.toContain("中华人民共和国");
  });

  it("finds every term of any piece of an indexed text among that text's tokens", () => {
    const text = "为贯彻落实《中华人民共和国档案法》，2024年起各单位须于每季度末（3月、6月）报送GovDesk v2.1台账，实行季度盘点。";
    const tokens = new Set(segmentForIndex(text).split(" "));
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      for (let n = 1; n <= 12 && i + n <= chars.length; n++) {
        const piece = chars.slice(i, i + n).join("");
        for (const t of segmentQuery(piece).terms) {
          // A Latin word or number cut in the middle is a different word: only whole ones must match.
          if (/^[a-z0-9.]+$/.test(t) && !new RegExp(`(^|[^a-z0-9.])${t.replace(/\./g, "\\.")}([^a-z0-9.]|$)`).test(normalise(text))) continue;
          expect(tokens, `${piece} → ${t}`).toContain(t);
        }
      }
    }
  });

  it("normalises full-width digits and closes spaces inside CJK runs (letter-spaced headings)", () => {
    expect(normalise("东 莞 市 人 民 政 府 令 第１３８号")).toBe("东莞市人民政府令第138号");
  });

  it("turns long CJK words into required bigrams and short ones into direct terms", () => {
    expect(segmentQuery("盘").all).toBe('"盘"');
    expect(segmentQuery("盘点").all).toBe('"盘点"');
    const q = segmentQuery("监督检查");
    expect(new Set(q.all?.split(" AND "))).toEqual(new Set(['"督检"', '"检查"', '"监督"']));
    expect(q.any).toContain(" OR ");
  });

  it("quotes terms so FTS5 syntax in a query is inert, and an empty query has no terms", () => {
    expect(segmentQuery('a" OR b').all).not.toMatch(/^a" OR/);
    expect(segmentQuery("  ，。 ").all).toBeNull();
  });
});

describe("makeSnippet", () => {
  it("wraps the whole query where it occurs, ignoring spaces in the text", () => {
    const s = makeSnippet("前文。\n个人支付比例从 45%降低到 5%。后文。", highlightTerms("个人支付比例从45%降低到5%", ["个人", "支付"]));
    expect(s).toContain("【个人支付比例从 45%降低到 5%】");
  });

  it("marks words of a query not found verbatim and trims to a window with ellipses", () => {
    const text = `${"无关内容。".repeat(40)}各单位每季度末对办公用品进行盘点，建立台账。${"其他内容。".repeat(40)}`;
    const s = makeSnippet(text, highlightTerms("办公用品 盘点", ["办公", "用品", "盘点"]));
    expect(s).toMatch(/^….*【办公】【用品】进行【盘点】.*…$/);
    expect(s.length).toBeLessThan(120);
  });
});
