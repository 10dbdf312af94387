import { kindOfTitle } from "../../kinds/kinds";
import { linesOf, type CheckDoc, type CheckLine, type Rule } from "../types";

/**
 * 标题 (条例 art. 9 (七); GB/T 9704-2012 §7.3.1): 发文机关 + 事由 + 文种.
 * It ends with its 文种, carries no punctuation but 书名号, 引号, 顿号 and
 * 括号 where needed, and never names two 文种 ("请示报告").
 */
function titleSpan(doc: CheckDoc): { lines: CheckLine[]; text: string } | null {
  const lines = linesOf(doc, "title");
  if (lines.length === 0) return null;
  return { lines, text: lines.map((l) => l.text.trim()).join("") };
}

export const titleKindRule: Rule = {
  id: "title.kind",
  title: "标题以文种结尾，且与所选文种一致",
  check(doc, report) {
    const span = titleSpan(doc);
    if (!span) return;
    const last = span.lines[span.lines.length - 1]!;
    const trimmed = last.text.replace(/[\s\u3000。．.，,；;：:！!？?]+$/, "");
    const end = last.offset + trimmed.length;
    const found = kindOfTitle(span.text.replace(/[。．.，,；;：:！!？?]+$/, ""));
    const want = doc.template;
    if (!found) {
      if (!doc.fromDraft && !/关于/.test(span.text)) return;
      const fix = want ? `${trimmed}${/的$/.test(trimmed) ? "" : "的"}${want.kind}` : null;
      report({ severity: "error", message: `标题应当以文种结尾${want ? `（本文为“${want.label}”）` : ""}，如“……的${want?.kind ?? "通知"}”。`, offset: last.offset, length: trimmed.length, suggestion: fix });
      return;
    }
    if (want && doc.fromDraft && found !== want.kind) {
      report({ severity: "error", message: `标题的文种“${found}”与所选文种“${want.label}”不一致。`, offset: end - found.length, length: found.length, suggestion: want.kind === "命令" ? null : want.kind });
    }
  },
};

const BAD_PUNCT = /[，,。．.：:；;！!？?]/g;

export const titlePunctRule: Rule = {
  id: "title.punctuation",
  title: "标题除书名号、引号、顿号、括号外一般不用标点符号",
  check(doc, report) {
    for (const line of linesOf(doc, "title")) {
      for (const m of line.text.matchAll(BAD_PUNCT)) {
        const c = m[0];
        // A decimal point inside a number (1.5) is not punctuation.
        if ((c === "." || c === "．") && /\d/.test(line.text[m.index - 1] ?? "") && /\d/.test(line.text[m.index + 1] ?? "")) continue;
        const atEnd = line.text.slice(m.index + 1).trim() === "";
        report({
          severity: "error",
          message: atEnd ? `标题末尾不加标点符号（“${c}”）。` : `标题中一般不用“${c}”；并列词语用顿号“、”，或调整措辞。`,
          offset: line.offset + m.index,
          length: 1,
          suggestion: atEnd ? "" : c === "，" || c === "," ? "、" : "",
        });
      }
    }
  },
};

export const mixedKindRule: Rule = {
  id: "title.mixed-kind",
  title: "一个标题只用一个文种（不用“请示报告”等）",
  check(doc, report) {
    for (const line of linesOf(doc, "title")) {
      const asks = /请(予)?(批示|审批|批准|批复)|妥否|当否/.test(linesOf(doc, "body").map((l) => l.text).join(""));
      for (const m of line.text.matchAll(/请示报告|报告请示|通知通报|意见建议/g)) {
        // A text that asks for approval is a 请示; otherwise keep the first of the two.
        const keep = m[0].includes("请示") && asks ? "请示" : m[0].slice(0, 2);
        report({ severity: "error", message: `“${m[0]}”混用了两个文种：请示与报告不能合用，一文只用一个文种。`, offset: line.offset + m.index, length: m[0].length, suggestion: keep });
      }
    }
  },
};
