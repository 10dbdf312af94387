import { describe, expect, it } from "vitest";
import type { DraftSpecInput, Finding } from "../../../common/contracts/drafting";
import type { DocKind } from "../../../common/contracts/doc-kinds";
import { DraftSpec } from "../../../common/contracts/drafting";
import { applyFindings } from "../../../common/drafting/fix";
import { checkDraft, checkText, RULES } from "./check";
import { wordList } from "./rules/words";

/** Every rule of the 规范性检查, each with a text that trips it and one that does not. */
const doc = (...lines: string[]) => lines.join("\n");
const HEAD = ["XX市人民政府办公室文件", "X政办发〔2025〕8号", "XX市人民政府办公室关于加强采购管理的通知", "各区人民政府，市政府各部门："];
const TAIL = ["XX市人民政府办公室", "2025年3月15日"];
const notice = (...body: string[]) => doc(...HEAD, ...body, ...TAIL);

function findings(text: string, rule: string, kind?: DocKind): Finding[] {
  const r = checkText(text, kind);
  for (const f of r.findings) expect(text.slice(f.offset, f.offset + f.excerpt.length)).toBe(f.excerpt);
  return r.findings.filter((f) => f.rule === rule);
}

describe("the rules", () => {
  it("are listed once each", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
  it("find nothing in a correct 通知", () => {
    const r = checkText(notice("为规范采购，现就有关事项通知如下。", "一、严格审批", "（一）明确权限。采购计划报分管领导审批。", "1.建立台账。每季度盘点。", "（1）定期盘点。", "（2）及时上报。", "2.加强检查。", "（二）实行盘点。", "二、加强监督", "特此通知。", "附件：1．采购审批表", "2．盘点记录表"));
    expect(r.findings).toEqual([]);
    expect(r.stats).toMatchObject({ errors: 0, warnings: 0, kind: "通知" });
  });
});

describe("number.form", () => {
  it.each([
    ["X政办发[2025]8号", "X政办发〔2025〕8号", /六角括号/],
    ["X政办发【2025】8号", "X政办发〔2025〕8号", /六角括号/],
    ["X政办发（2025）8号", "X政办发〔2025〕8号", /六角括号/],
    ["X政办发〔25〕8号", "X政办发〔2025〕8号", /年份应当标全称/],
    ["X政办发〔2025〕08号", "X政办发〔2025〕8号", /虚位/],
    ["X政办发〔2025〕第8号", "X政办发〔2025〕8号", /不加“第”/],
  ])("%s → %s", (wrong, right, why) => {
    const f = findings(doc(HEAD[0]!, wrong, ...HEAD.slice(2), "正文。", ...TAIL), "number.form");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", excerpt: wrong, suggestion: right });
    expect(f[0]!.message).toMatch(why);
  });
  it("accepts 〔2025〕8号 and a 命令's 第12号", () => {
    expect(findings(notice("正文。"), "number.form")).toEqual([]);
    expect(findings(doc("XX市人民政府令", "第12号", "正文。"), "number.form", "命令")).toEqual([]);
  });
});

describe("date.form and date.zero", () => {
  it.each([
    ["2025年03月05日", "2025年3月5日", "error"],
    ["2025-3-5", "2025年3月5日", "error"],
    ["二〇二五年三月五日", "2025年3月5日", "warning"],
  ])("%s → %s", (wrong, right, severity) => {
    const f = findings(doc(...HEAD, "正文。", "XX市人民政府办公室", wrong), "date.form");
    expect(f).toMatchObject([{ severity, excerpt: wrong, suggestion: right }]);
  });
  it("accepts 2025年3月5日, and spaces a PDF put in it", () => {
    expect(findings(doc(...HEAD, "正文。", "XX市人民政府办公室", "2025年3月5日"), "date.form")).toEqual([]);
    expect(findings(doc(...HEAD, "正文。", "XX市人民政府办公室", "2025 年 3 月 5 日"), "date.form")).toEqual([]);
  });
  it("flags 0, O and ○ in Chinese-numeral years", () => {
    expect(findings(notice("二0二五年三月起施行。"), "date.zero")).toMatchObject([{ severity: "error", excerpt: "二0二五", suggestion: "二〇二五" }]);
    expect(findings(notice("二○二五年三月起施行。"), "date.zero")).toMatchObject([{ severity: "warning", suggestion: "二〇二五" }]);
    expect(findings(notice("二〇二五年三月起施行。"), "date.zero")).toEqual([]);
  });
});

describe("title rules", () => {
  it("title.kind: a title ends with its 文种", () => {
    const f = findings(doc(HEAD[0]!, HEAD[1]!, "XX市人民政府办公室关于加强采购管理", HEAD[3]!, "正文。"), "title.kind", "通知");
    expect(f).toMatchObject([{ severity: "error", suggestion: "XX市人民政府办公室关于加强采购管理的通知" }]);
    expect(findings(notice("正文。"), "title.kind")).toEqual([]);
  });
  it("title.kind: a draft's title agrees with its kind", () => {
    const r = checkDraft(DraftSpec.parse({ kind: "请示", issuer: "XX局", title: "XX局关于追加预算的报告", to: "XX市人民政府", signer: "张三", body: "妥否，请批示。" }));
    expect(r.findings.filter((f) => f.rule === "title.kind")).toMatchObject([{ excerpt: "报告", suggestion: "请示" }]);
  });
  it("title.punctuation: no punctuation but 书名号, 引号, 顿号, 括号", () => {
    const f = findings(doc(HEAD[0]!, HEAD[1]!, "关于加强采购管理，严格审批的通知。", HEAD[3]!, "正文。"), "title.punctuation");
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([["，", "、"], ["。", ""]]);
    expect(findings(doc(HEAD[0]!, HEAD[1]!, "关于印发《采购“三统一”办法（试行）》的通知", HEAD[3]!, "正文。"), "title.punctuation")).toEqual([]);
  });
  it("title.mixed-kind: no 请示报告", () => {
    expect(findings(doc("关于追加预算的请示报告", "XX市人民政府：", "妥否，请批示。"), "title.mixed-kind")).toMatchObject([{ excerpt: "请示报告", suggestion: "请示" }]);
    expect(findings(doc("关于2024年工作情况的报告请示", "XX市人民政府：", "现将情况报告如下。"), "title.mixed-kind")).toMatchObject([{ excerpt: "报告请示", suggestion: "报告" }]);
    expect(findings(doc("关于追加预算的请示", "XX市人民政府：", "正文。"), "title.mixed-kind")).toEqual([]);
  });
});

describe("recipients rules", () => {
  it("recipients.colon: 主送 ends with a full-width colon", () => {
    expect(findings(doc(...HEAD.slice(0, 3), "各区人民政府:", "正文。"), "recipients.colon")).toMatchObject([{ excerpt: ":", suggestion: "：" }]);
    expect(findings(notice("正文。"), "recipients.colon")).toEqual([]);
  });
  it("recipients.single: a 请示 has one 主送", () => {
    const text = doc("XX局关于追加预算的请示", "XX市人民政府、XX市财政局：", "妥否，请批示。");
    expect(findings(text, "recipients.single")).toMatchObject([{ severity: "error" }]);
    expect(findings(doc("XX局关于追加预算的请示", "XX市人民政府：", "妥否，请批示。"), "recipients.single")).toEqual([]);
    expect(findings(notice("正文。"), "recipients.single")).toEqual([]);
  });
});

describe("numbering rules", () => {
  it.each([
    ["一.严格审批", "一.", "一、", "error"],
    ["一，严格审批", "一，", "一、", "error"],
    ["（一）、明确权限", "（一）、", "（一）", "error"],
    ["(一)明确权限", "(一)", "（一）", "error"],
    ["1、建立台账", "1、", "1．", "warning"],
    ["（1）、定期盘点", "（1）、", "（1）", "error"],
  ])("numbering.form: %s", (line, excerpt, suggestion, severity) => {
    expect(findings(notice(line), "numbering.form")).toMatchObject([{ excerpt, suggestion, severity }]);
  });
  it("numbering.form accepts the four standard forms and leaves 1.5万 alone", () => {
    expect(findings(notice("一、审批", "（一）权限", "1.台账", "1．台账", "（1）盘点", "1.5万元用于采购。"), "numbering.form")).toEqual([]);
  });
  it("numbering.order: a skipped level and a gap in the sequence", () => {
    expect(findings(notice("一、审批", "1.台账", "2.盘点"), "numbering.order")).toMatchObject([{ excerpt: "1.", severity: "warning" }]);
    expect(findings(notice("一、审批", "三、检查"), "numbering.order")).toMatchObject([{ excerpt: "三、" }]);
    expect(findings(notice("一、审批", "（一）权限", "（二）时限", "二、检查", "（一）抽查"), "numbering.order")).toEqual([]);
  });
});

describe("attachment.form", () => {
  it("flags a half-width colon, a full stop after a name, and several unnumbered names", () => {
    expect(findings(notice("正文。", "附件:采购审批表"), "attachment.form")).toMatchObject([{ excerpt: "附件:", suggestion: "附件：" }]);
    expect(findings(notice("正文。", "附件：采购审批表。"), "attachment.form")).toMatchObject([{ excerpt: "。", suggestion: "" }]);
    expect(findings(notice("正文。", "附件：1、采购审批表", "2、盘点记录表"), "attachment.form").map((f) => f.suggestion)).toEqual(["1．", "2．"]);
    expect(findings(notice("正文。", "附件：采购审批表"), "attachment.form")).toEqual([]);
  });
});

describe("punctuation.half-width", () => {
  it("flags half-width marks in Chinese and leaves decimals, times, addresses and Latin text alone", () => {
    const f = findings(notice("各单位须审批,并备案;截止时间:3月1日(含).", "会议于10:30开始，费用3.5万元，详见www.example.gov.cn，Hello, world."), "punctuation.half-width");
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([[",", "，"], [";", "；"], [":", "："], ["(", "（"], [")", "）"], [".", "。"]]);
  });
});

describe("words.misused", () => {
  it.each([
    ["截止目前，已完成采购。", "截止", "截至"],
    ["自既日起施行。", "既日", "即日"],
    ["要认真做出部署。", "做出", "作出"],
    ["作好采购工作。", "作好", "做好"],
    ["其它事项另行通知。", "其它", "其他"],
    ["认真布署落实。", "布署", "部署"],
    ["各单位必需遵守。", "必需", "必须"],
    ["开立银行帐户。", "帐", "账"],
  ])("%s", (line, excerpt, suggestion) => {
    expect(findings(notice(line), "words.misused")).toMatchObject([{ excerpt, suggestion }]);
  });
  it("leaves the right words and look-alikes alone", () => {
    expect(findings(notice("报名截止日期为3月1日，于3月5日截止。截至目前已完成。", "自即日起施行，立即定期检查。", "希有关单位认真部署，作出安排，做好工作。", "其他事项另行通知。必需品由办公室统一采购。"), "words.misused")).toEqual([]);
  });
  it("cites a source for every entry", () => {
    const { entries, sources } = wordList();
    expect(entries.length).toBeGreaterThan(60);
    for (const e of entries) for (const s of e.sources) expect(sources[s]).toMatch(/《/);
  });
});

describe("digits.usage (GB/T 15835)", () => {
  it.each([
    ["采购金额３０万元。", "３０", "30"],
    ["单笔超过5千元的报备。", "5千", "5000"],
    ["增长10～20%。", "10～20%", "10%～20%"],
    ["用2、3天时间完成。", "2、3", "两三"],
    ["2025-2027年实施。", "2025-2027", "2025—2027"],
  ])("%s", (line, excerpt, suggestion) => {
    expect(findings(notice(line), "digits.usage")).toMatchObject([{ excerpt, suggestion }]);
  });
  it("leaves 5万元, 3千米, 10%～20%, phone numbers and 2、4 alone", () => {
    expect(findings(notice("投资5万元，修路3千米，增长10%～20%，电话0769-12345678，第2、4项。"), "digits.usage")).toEqual([]);
  });
});

describe("kind rules", () => {
  const spec = (s: Partial<DraftSpecInput>) => DraftSpec.parse({ kind: "请示", issuer: "XX局", number: "X发〔2025〕1号", subject: "追加预算", to: "XX市人民政府", signer: "张三", body: "现请示如下。\n妥否，请批示。", printer: "XX局办公室", date: "2025-03-15", ...s });
  const rule = (s: Partial<DraftSpecInput>, id: string) => checkDraft(spec(s)).findings.filter((f) => f.rule === id);
  it("kind.signer: a 上行文 names its 签发人", () => {
    expect(rule({ signer: undefined }, "kind.signer")).toMatchObject([{ severity: "error" }]);
    expect(rule({}, "kind.signer")).toEqual([]);
    expect(findings(doc("XX局文件", "X发〔2025〕1号", "XX局关于追加预算的请示", "XX市人民政府：", "妥否，请批示。"), "kind.signer")).toMatchObject([{ severity: "warning" }]);
  });
  it("kind.required: a draft names what its kind requires", () => {
    expect(rule({ number: undefined }, "kind.required")).toMatchObject([{ message: expect.stringMatching(/发文字号/) }]);
    expect(rule({}, "kind.required")).toEqual([]);
  });
  it("kind.closing: a 请示 closes with a request; a 报告 carries none", () => {
    expect(rule({ body: "现请示如下。\n请尽快研究。" }, "kind.closing")).toMatchObject([{ severity: "warning" }]);
    expect(rule({}, "kind.closing")).toEqual([]);
    expect(rule({ kind: "报告", body: "现报告如下。\n妥否，请批示。" }, "kind.closing")).toMatchObject([{ message: expect.stringMatching(/不得夹带请示事项/) }]);
  });
});

describe("--fix", () => {
  it("applying every suggestion leaves no fixable finding", () => {
    const text = doc(HEAD[0]!, "X政办发[2025]08号", "关于加强采购管理，严格审批的通知。", "各区人民政府:", "截止目前，各单位须审批,并备案。", "一.严格审批", "附件:采购审批表。", "XX市人民政府办公室", "2025年03月15日");
    const r = checkText(text);
    const { text: fixed } = applyFindings(text, r.findings);
    const after = checkText(fixed);
    expect(after.findings.filter((f) => f.suggestion !== null)).toEqual([]);
    expect(fixed).toContain("X政办发〔2025〕8号");
    expect(fixed).toContain("截至目前");
    expect(fixed).toContain("2025年3月15日");
  });
});

describe("one finding per mistake", () => {
  it("a wrong 序数 is the numbering rule's, not also the punctuation rule's", () => {
    const r = checkText(notice("一.严格审批", "(一)明确权限"));
    expect(r.findings.map((f) => [f.rule, f.excerpt])).toEqual([["numbering.form", "一."], ["numbering.form", "(一)"]]);
  });
});
