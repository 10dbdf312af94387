import { toChineseOrdinal } from "../../../../common/drafting/body";
import { matches, type Rule } from "../types";

/**
 * Basics of GB/T 15835-2011 《出版物上数字用法》 and the ranges of GB/T
 * 15834-2011: Arabic numerals half-width; no Arabic number with 千/百/十 as
 * its unit (万 and 亿 may be); a percentage range keeps both %; two adjacent
 * numbers giving an estimate are written in Chinese without a 顿号; ranges
 * joined with ～ (values) or — (years), not a hyphen.
 */
const FULL_DIGITS = /[０-９]+/g;
const WITH_UNIT = /(?<![\d.])(\d+(?:\.\d+)?)([千百])(?![米克瓦伏帕赫焦字分])/g;
const PERCENT_RANGE = /(?<![\d.%])(\d+(?:\.\d+)?)\s*([～~\-—–－至到])\s*(\d+(?:\.\d+)?)%/g;
const ESTIMATE = /(?<![\d、])(\d)、(\d)(?![\d、])(?=[多余个天年月日人次项名家条件倍])/g;
const HYPHEN_RANGE = /(?<![\d\-/A-Za-z])(\d{1,4})-(\d{1,4})(?=[年月日个人名家项次元万亿%件条天])/g;

const toHalf = (s: string): string => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export const digitsRule: Rule = {
  id: "digits.usage",
  title: "数字用法（GB/T 15835）：半角阿拉伯数字、不与千百十连用、百分数范围、概数、范围号",
  check(doc, report) {
    for (const line of doc.lines) {
      if (line.role === "pageNumber") continue;
      for (const { m, offset } of matches(line, FULL_DIGITS)) {
        report({ severity: "warning", message: "阿拉伯数字应当使用半角形式。", offset, length: m[0].length, suggestion: toHalf(m[0]) });
      }
      if (line.role === "number" || line.role === "signer") continue;
      for (const { m, offset } of matches(line, WITH_UNIT)) {
        const value = Number(m[1]) * (m[2] === "千" ? 1000 : 100);
        report({ severity: "warning", message: `阿拉伯数字不与“${m[2]}”连用（“万”“亿”除外），应写作“${value}”或全用汉字。`, offset, length: m[0].length, suggestion: String(value) });
      }
      for (const { m, offset } of matches(line, PERCENT_RANGE)) {
        const sep = /[至到]/.test(m[2]!) ? m[2]! : "～";
        report({ severity: "warning", message: "百分数范围前后两个数的百分号都不能省略。", offset, length: m[0].length, suggestion: `${m[1]}%${sep}${m[3]}%` });
      }
      for (const { m, offset } of matches(line, ESTIMATE)) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (b !== a + 1) continue;
        const cn = `${a === 2 ? "两" : toChineseOrdinal(a)}${toChineseOrdinal(b)}`;
        report({ severity: "warning", message: "相邻两个数字连用表示概数时，用汉字数字，中间不加顿号。", offset, length: m[0].length, suggestion: cn });
      }
      for (const { m, offset } of matches(line, HYPHEN_RANGE)) {
        const years = m[1]!.length === 4 && m[2]!.length === 4;
        report({ severity: "info", message: years ? "标示起止年份用一字线“—”，不用连字符“-”。" : "标示数值范围用浪纹线“～”，不用连字符“-”。", offset, length: m[0].length, suggestion: `${m[1]}${years ? "—" : "～"}${m[2]}` });
      }
    }
  },
};
