import { headingOf } from "../../../../common/drafting/body";
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
      const lead = t.match(/^[\s\u3000]*/)![0].length;
      const markerEnd = lead + (headingOf(t.slice(lead))?.marker.length ?? 0);
      const protectedSpans = [...t.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length] as const);
      for (let i = 0; i < t.length; i++) {
        const c = t[i]!;
        if (!(c in FULL)) continue;
        if (protectedSpans.some(([a, b]) => i >= a && i < b)) continue;
        const prev = t.slice(0, i).replace(/[ \t]+$/, "").slice(-1);
        const next = t.slice(i + 1).replace(/^[ \t]+/, "").slice(0, 1);
        if (c === ":" && /\d/.test(prev) && /\d/.test(next)) continue;
        // A full stop: only after Chinese and where the sentence ends (not 1.5, not "No.1").
        const before = t.slice(0, i).replace(/[ \t)）"”’]+$/, "").slice(-1);
        if (c === "." && (!CJK.test(before) || /[\w]/.test(next))) continue;
        const chinese = c === "(" ? CJK.test(next) || CJK.test(prev) : c === ")" ? CJK.test(prev) || CJK.test(next) : c === "." ? true : CJK.test(prev);
        if (!chinese) continue;
        // A 序数 at the line start ("一.", "(一)", "(1)") belongs to the numbering rule.
        if (i < markerEnd) continue;
        // The colon ending a 主送 line is the recipients rule's.
        if (line.role === "to" && c === ":" && !t.slice(i + 1).trim()) continue;
        report({ severity: "warning", message: `中文文本中应当用全角标点“${FULL[c]}”，不用半角“${c}”。`, offset: line.offset + i, length: 1, suggestion: FULL[c]! });
      }
    }
  },
};
