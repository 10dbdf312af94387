import { describe, expect, it } from "vitest";
import type { DraftSpec, Finding } from "../contracts/drafting";
import { chineseOrdinal, headingOf, parseBody, toChineseOrdinal } from "./body";
import { formatDate, parseDate } from "./dates";
import { applyFindings, applyFindingToSpec } from "./fix";
import { parsePartialJson } from "./partial-json";
import { composeTitle, splitTitle, textWidth } from "./title";

describe("正文 parsing", () => {
  it("finds the four levels and splits a heading sentence from the text after it", () => {
    const [p0, h1, h2, h3, h4] = parseBody("　　为规范采购，现通知如下。\n\n一、严格审批\n（一）明确权限。采购计划报分管领导审批。\n1.建立台账。每季度盘点。\n（1）定期盘点");
    expect(p0).toMatchObject({ level: 0, text: "为规范采购，现通知如下。" });
    expect(h1).toMatchObject({ level: 1, marker: "一、", head: "一、严格审批", rest: "" });
    expect(h2).toMatchObject({ level: 2, head: "（一）明确权限。", rest: "采购计划报分管领导审批。" });
    expect(h3).toMatchObject({ level: 3, head: "1.建立台账。", rest: "每季度盘点。" });
    expect(h4).toMatchObject({ level: 4, marker: "（1）" });
    expect(headingOf("1.5万元用于采购")).toBeNull();
  });

  it("reads and writes Chinese ordinals", () => {
    expect([chineseOrdinal("一"), chineseOrdinal("十"), chineseOrdinal("十二"), chineseOrdinal("二十三"), chineseOrdinal("一百零五")]).toEqual([1, 10, 12, 23, 105]);
    expect(Number.isNaN(chineseOrdinal("甲"))).toBe(true);
    expect([1, 10, 12, 23].map(toChineseOrdinal)).toEqual(["一", "十", "十二", "二十三"]);
  });
});

describe("dates", () => {
  it("reads the forms people write and prints GB/T 9704's", () => {
    for (const s of ["2025-03-15", "2025/3/15", "2025.3.15", "2025年03月15日", "二〇二五年三月十五日", "二○二五年三月十五日"]) expect(formatDate(parseDate(s)!)).toBe("2025年3月15日");
    expect(parseDate("2025-02-30")).toBeNull();
    expect(parseDate("明天")).toBeNull();
  });
});

describe("titles", () => {
  it("composes 发文机关 + 关于 + 事由 + 的 + 文种", () => {
    expect(composeTitle("XX市人民政府", "加强办公用品采购管理", "通知")).toBe("XX市人民政府关于加强办公用品采购管理的通知");
    expect(composeTitle("XX市人民政府", "关于加强采购管理的", "通知")).toBe("XX市人民政府关于加强采购管理的通知");
  });

  it("breaks long titles between words, balanced, upper line not longer, 书名号 kept whole", () => {
    expect(splitTitle("XX市人民政府办公室关于加强办公用品采购管理的通知", 19)).toEqual(["XX市人民政府办公室关于", "加强办公用品采购管理的通知"]);
    expect(splitTitle("惠州市人民政府关于印发《惠州市社会基本医疗保险办法》的通知", 19)).toEqual(["惠州市人民政府关于印发", "《惠州市社会基本医疗保险办法》的通知"]);
    expect(splitTitle("关于加强管理的通知", 19)).toEqual(["关于加强管理的通知"]);
    expect(splitTitle("第一行\n第二行", 19)).toEqual(["第一行", "第二行"]);
    for (const line of splitTitle("国务院办公厅关于做好规章清理工作有关问题的通知", 19)) expect(textWidth(line)).toBeLessThanOrEqual(19);
  });
});

describe("partial JSON of a streamed answer", () => {
  it("closes what is open and shows a paragraph being written", () => {
    expect(parsePartialJson('{"paragraphs":["第一段","第二')).toEqual({ paragraphs: ["第一段", "第二"] });
    expect(parsePartialJson('{"paragraphs":["a"],"依据":[1,')).toEqual({ paragraphs: ["a"], 依据: [1] });
    expect(parsePartialJson('{"sections":[{"heading":"总体要求"},{"hea')).toEqual({ sections: [{ heading: "总体要求" }, {}] });
    expect(parsePartialJson("")).toBeUndefined();
  });
});

const finding = (offset: number, excerpt: string, suggestion: string | null): Finding => ({ rule: "t", severity: "error", message: "m", excerpt, offset, suggestion });

describe("applying fixes", () => {
  it("applies non-overlapping suggestions to a text, last first, and skips stale ones", () => {
    const text = "X政办发[2025]8号\n截止目前";
    const r = applyFindings(text, [finding(0, "X政办发[2025]8号", "X政办发〔2025〕8号"), finding(13, "截止", "截至"), finding(4, "[2025]", "〔2025〕"), finding(13, "错", "x")]);
    expect(r.text).toBe("X政办发〔2025〕8号\n截至目前");
    expect(r.applied.map((f) => f.offset)).toEqual([0, 13]);
  });

  it("writes one fix back into the draft field it falls in", () => {
    const spec: DraftSpec = { kind: "通知", issuer: "XX", number: "X发[2025]8号", signer: ["张三", "李四"], body: "截止目前\n完成" };
    const text = "X发[2025]8号\n签发人：张三　李四\n截止目前\n完成";
    const segments = [
      { field: "number" as const, start: 0, end: 10 },
      { field: "signer" as const, index: 1, start: 18, end: 20 },
      { field: "body" as const, start: 21, end: 28 },
    ];
    expect(applyFindingToSpec(spec, text, segments, finding(2, "[2025]", "〔2025〕"))?.number).toBe("X发〔2025〕8号");
    expect(applyFindingToSpec(spec, text, segments, finding(21, "截止", "截至"))?.body).toBe("截至目前\n完成");
    expect(applyFindingToSpec(spec, text, segments, finding(18, "李四", "李斯"))?.signer).toEqual(["张三", "李斯"]);
    expect(applyFindingToSpec(spec, text, segments, finding(11, "签发人", null))).toBeNull();
  });
});
