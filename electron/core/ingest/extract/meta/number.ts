import type { MetaLine } from "./text";

export interface FoundNumber {
  value: string;
  line: number;
  from: "number-line" | "title" | "publication-note" | "order-heading";
  confidence: number;
  /** Text before the number on a title+number line (the title). */
  lead?: string;
}

const BRACKETED = /[〔［[【（(]((?:19|20)\d{2})[〕］\]】）)]第?(\d{1,5})号/g;
/** Where a 机关代字 cannot reach back past: labels, "文件", a kind word ending a title. */
const LEAD_STOP = /(文件|文号|字号|编号|印发|发布|签发人|通知|通报|意见|决定|决议|命令|公报|公告|通告|报告|请示|批复|议案|函|纪要|办法|规定|细则)$/;
const ORDER = /^(.{2,20}令)第(\d{1,5})号$/;

/** The 机关代字 just before a bracketed year: CJK/Latin letters, stopped at labels and title words. */
function agencyCode(before: string): { code: string; lead: string } | null {
  const m = /[A-Za-zＡ-Ｚａ-ｚＸ\u4e00-\u9fa5]{1,15}$/.exec(before);
  if (!m) return null;
  let run = m[0];
  let lead = before.slice(0, m.index);
  // "…依法行政的决定国发": cut after the last stop word; the code is what follows it.
  for (let i = run.length - 1; i > 0; i--) {
    if (LEAD_STOP.test(run.slice(0, i))) {
      lead += run.slice(0, i);
      run = run.slice(i);
      break;
    }
  }
  if (run.length < 1 || run.length > 8) return null;
  return { code: run, lead };
}

/**
 * 发文字号 in the document's head: 机关代字〔年份〕序号号 anchored to its own
 * token (any of 〔〕 [] 【】 ［］ （） normalised to 〔〕), a 令 number
 * (…令第N号), or the number in a web re-typeset's publication note. A
 * number inside a sentence (cited: 根据…（国发〔2014〕25号）) is never taken,
 * nor one in a table row (a form's 来文文号).
 */
export function findNumber(lines: readonly MetaLine[], limit: number): FoundNumber | null {
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    const l = lines[i]!;
    if (l.row) continue;
    const t = l.text.replace(/签发人[：:].*$/, "").replace(/^(发文字号|文号|字号)[：:]/, "");
    const order = ORDER.exec(t);
    if (order) return { value: `${order[1]}第${Number(order[2])}号`, line: i, from: "order-heading", confidence: 0.95 };
    for (const m of t.matchAll(BRACKETED)) {
      const before = t.slice(0, m.index);
      const after = t.slice(m.index! + m[0].length);
      const code = agencyCode(before);
      if (!code) continue;
      const value = `${code.code}〔${m[1]}〕${Number(m[2])}号`;
      if (!code.lead && !after) return { value, line: i, from: "number-line", confidence: 0.95 };
      // A publication note: （2010年4月29日国务院办公厅文件国办发[2010]28号发布…）
      if (/^[（(]/.test(t) && /(发布|印发|公布)/.test(after + code.lead) && /[）)]$/.test(t)) return { value, line: i, from: "publication-note", confidence: 0.8 };
      // Title and number on one line: the title ends with its kind word.
      if (!after && code.lead.length >= 4 && /(通知|通报|意见|决定|决议|命令|公报|公告|通告|报告|请示|批复|议案|函|纪要|办法|规定|细则)$/.test(code.lead))
        return { value, line: i, from: "title", confidence: 0.85, lead: code.lead };
    }
  }
  return null;
}
