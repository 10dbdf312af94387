import { chineseOrdinal, toChineseOrdinal, type HeadingLevel } from "../../../../common/drafting/body";
import { linesOf, type CheckLine, type Rule } from "../types";

/**
 * 结构层次序数 (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1． → （1）, in that
 * order, each level counting up from one under its parent. The forms: "一、"
 * not "一." or "一，"; "（一）" with full-width brackets and no 顿号 after it;
 * "1．" (or "1.") not "1、"; "（1）" without a 顿号.
 */
interface Marker {
  level: HeadingLevel;
  n: number;
  /** Offset and text of the marker as written. */
  offset: number;
  raw: string;
  /** The standard form of this marker. */
  standard: string;
  ok: boolean;
}

const CN = "[一二三四五六七八九十百]+";
const FORMS: { level: HeadingLevel; re: RegExp; standard: (n: string) => string; ok: RegExp }[] = [
  { level: 1, re: new RegExp(`^(${CN})\\s*([、.．，,])`), standard: (n) => `${n}、`, ok: new RegExp(`^${CN}、$`) },
  { level: 2, re: new RegExp(`^([（(])\\s*(${CN})\\s*([）)])(\\s*[、.．，,])?`), standard: (n) => `（${n}）`, ok: new RegExp(`^（${CN}）$`) },
  // 1.5万 is a number, not a heading; 1.1 is a decimal section number, left alone.
  { level: 3, re: /^(\d{1,2})\s*([.．、](?!\d))/, standard: (n) => `${n}．`, ok: /^\d{1,2}[.．]$/ },
  { level: 4, re: /^([（(])\s*(\d{1,2})\s*([）)])(\s*[、.．，,])?/, standard: (n) => `（${n}）`, ok: /^（\d{1,2}）$/ },
];

function markerOf(line: CheckLine): Marker | null {
  const lead = line.text.match(/^[\s\u3000]*/)![0].length;
  const text = line.text.slice(lead);
  for (const f of FORMS) {
    const m = f.re.exec(text);
    if (!m) continue;
    const ordinal = f.level === 2 || f.level === 4 ? m[2]! : m[1]!;
    const n = chineseOrdinal(ordinal);
    if (!Number.isFinite(n) || n < 1) continue;
    // "1、" after "附件：" lines etc. are handled elsewhere; a lone "1." line with nothing after is not a heading either.
    if (text.length <= m[0].length) continue;
    return { level: f.level, n, offset: line.offset + lead, raw: m[0], standard: f.standard(ordinal), ok: f.ok.test(m[0]) };
  }
  return null;
}

function markers(lines: CheckLine[]): Marker[] {
  return lines.map(markerOf).filter((m): m is Marker => m !== null);
}

const NAMES: Record<HeadingLevel, string> = { 1: "一、", 2: "（一）", 3: "1．", 4: "（1）" };

export const numberingFormRule: Rule = {
  id: "numbering.form",
  title: "层次序数的写法：一、（一）1．（1）",
  check(doc, report) {
    for (const m of markers(linesOf(doc, "body", "attachmentBody"))) {
      if (m.ok) continue;
      // "1、" is common and harmless to read: a warning; wrong brackets or an extra 顿号 are errors.
      const severity = m.level === 3 && m.raw.endsWith("、") ? "warning" : "error";
      const what = m.level === 1 ? "第一层用“一、”（汉字数字加顿号）" : m.level === 2 ? "第二层用全角括号“（一）”，后面不加标点" : m.level === 3 ? "第三层用“1．”（阿拉伯数字加下脚点）" : "第四层用全角括号“（1）”，后面不加标点";
      report({ severity, message: `层次序数“${m.raw.trim()}”写法不规范：${what}。`, offset: m.offset, length: m.raw.length, suggestion: m.standard });
    }
  },
};

export const numberingOrderRule: Rule = {
  id: "numbering.order",
  title: "层次序数依次使用、逐级排列、连续编号",
  check(doc, report) {
    for (const role of ["body", "attachmentBody"] as const) {
      const ms = markers(linesOf(doc, role));
      // counters[level] = last number seen at that level under the current parent.
      const counters: Record<number, number> = {};
      let deepest = 0;
      for (const m of ms) {
        if (deepest > 0 && m.level > deepest + 1) {
          report({
            severity: "warning",
            message: `层次跳级：“${NAMES[m.level as HeadingLevel]}”一级应当在“${NAMES[(m.level - 1) as HeadingLevel]}”一级之下使用（结构层次依次为一、（一）1．（1））。`,
            offset: m.offset,
            length: m.raw.length,
            suggestion: null,
          });
        }
        const expected = (counters[m.level] ?? 0) + 1;
        if (m.n !== expected && !(m.n === 1 && expected > 1 && m.level > 1)) {
          const want = m.level === 1 || m.level === 2 ? toChineseOrdinal(expected) : String(expected);
          report({
            severity: "warning",
            message: `序号不连续：此处应为第${expected}项（“${FORMS[m.level - 1]!.standard(want)}”），写的是第${m.n}项。`,
            offset: m.offset,
            length: m.raw.length,
            suggestion: null,
          });
        }
        counters[m.level] = m.n;
        for (let l = m.level + 1; l <= 4; l++) delete counters[l];
        deepest = m.level;
      }
    }
  },
};
