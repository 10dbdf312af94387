import { NUMBER_LIKE } from "../recognise";
import { linesOf, matches, type CheckDoc, type CheckLine, type Rule } from "../types";

/**
 * 发文字号 (GB/T 9704-2012 §7.2.4): 机关代字 + 年份 + 发文顺序号; the year in
 * full and in 六角括号〔〕; the number without 虚位 (no leading zeros) and
 * without 第. A 命令's 令号 is "第N号" and has no year.
 */
const PARTS = /([A-Za-zＡ-Ｚ\u4e00-\u9fa5]{1,15})(\s*)([〔［[【（(｛{])(\s*)([0-9０-９]{2,4})(\s*)([〕］\]】）)｝}])(\s*)(第?)(\s*)([0-9０-９]{1,5})(\s*)号/;

function numberLines(doc: CheckDoc): CheckLine[] {
  const own = linesOf(doc, "number", "signer");
  return own.length ? own : doc.fromDraft ? [] : linesOf(doc, "copyNo", "mark", "title", "other").filter((l) => NUMBER_LIKE.test(l.text));
}

const half = (s: string): string => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export const numberRule: Rule = {
  id: "number.form",
  title: "发文字号：年份用六角括号〔〕、年份写全、序号不编虚位、不加“第”",
  check(doc, report) {
    const isOrder = doc.template?.format === "命令";
    for (const line of numberLines(doc)) {
      for (const { m, offset } of matches(line, PARTS)) {
        const [whole0, agency0, , open, , year, , close, , di, , seq] = m as unknown as string[];
        if (isOrder) continue;
        // The 机关代字 is what follows the last label or date before it ("…文件国办发[2010]" → 国办发).
        const cut = agency0!.search(/(?:.*(?:文件|字号|文号|日))(?=.)/) === 0 ? agency0!.replace(/^.*(文件|字号|文号|日)/, "").length : agency0!.length;
        const agency = agency0!.slice(agency0!.length - cut);
        const whole = whole0!.slice(agency0!.length - cut);
        const start = offset + (agency0!.length - cut);
        const fixed = `${agency}〔${half(year!).length === 2 ? `20${half(year!)}` : half(year!)}〕${String(Number(half(seq!)))}号`;
        const problems: string[] = [];
        if (open !== "〔" || close !== "〕") problems.push(`年份应当用六角括号“〔〕”，不用“${open}${close}”`);
        if (half(year!).length !== 4) problems.push("年份应当标全称（四位数字）");
        if (/^0/.test(half(seq!)) && half(seq!).length > 1) problems.push("发文顺序号不编虚位（不加前导0）");
        if (di) problems.push("发文顺序号前不加“第”");
        if (problems.length) report({ severity: "error", message: `发文字号格式不规范：${problems.join("；")}。`, offset: start, length: whole.length, suggestion: fixed });
      }
    }
  },
};
