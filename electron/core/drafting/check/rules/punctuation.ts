import { CJK, type Rule } from "../types";

/**
 * Half-width punctuation in Chinese text (GB/T 15834-2011 《标点符号用法》:
 * Chinese text uses the full-width forms). A half-width mark counts as
 * Chinese when a Chinese character is next to it; decimals (3.5), times
 * (10:30), web and e-mail addresses and Latin text keep theirs.
 */
const FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。" };
const SKIP_ROLES = new Set(["pageNumber", "number", "signer", "date", "printer", "other"]);
const ADDRESS = /(https?:\/\/|www\.|[\w.-]+@)[^\s\u3000\u4e00-\u9fff]*/g;

export const halfWidthRule: Rule = {
  id: "punctuation.half-width",
  title: "中文文本中使用全角标点（，；：？！（））",
  check(doc, report) {
    for (const line of doc.lines) {
      if (SKIP_ROLES.has(line.role)) continue;
      const t = line.text;
      const protectedSpans = [...t.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length] as const);
      for (let i = 0; i < t.length; i++) {
        const c = t[i]!;
        if (!(c in FULL)) continue;
        if (protectedSpans.some(([a, b]) => i >= a && i < b)) continue;
        const prev = t.slice(0, i).replace(/[ \t]+$/, "").slice(-1);
        const next = t.slice(i + 1).replace(/^[ \t]+/, "").slice(0, 1);
        if (c === ":" && /\d/.test(prev) && /\d/.test(next)) continue;
        // A full stop: only after Chinese and where the sentence ends (not 1.5, not "No.1").
        if (c === "." && (!CJK.test(prev) || /[\w]/.test(next))) continue;
        const chinese = c === "(" ? CJK.test(next) || CJK.test(prev) : c === ")" ? CJK.test(prev) || CJK.test(next) : CJK.test(prev);
        if (!chinese) continue;
        // "(一)" and "(1)" at a line start belong to the numbering rule.
        if ((c === "(" || c === ")") && /^[\s\u3000]*\(\s*[一二三四五六七八九十\d]+\s*\)/.test(t) && i <= t.indexOf(")")) continue;
        report({ severity: "warning", message: `中文文本中应当用全角标点“${FULL[c]}”，不用半角“${c}”。`, offset: line.offset + i, length: 1, suggestion: FULL[c]! });
      }
    }
  },
};
