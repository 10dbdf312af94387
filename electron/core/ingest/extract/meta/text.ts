/** Shared patterns and the line view the 公文 recognisers work on. */

export interface MetaLine {
  /** The line with all whitespace removed (letter-spaced headings read whole). */
  text: string;
  /** The line as extracted (spaces kept). */
  raw: string;
  /** A table row (`a | b`): form fields, never a heading, title or number. */
  row: boolean;
  /** Read by OCR: the page's OCR confidence. */
  ocr?: number;
}

export function metaLines(text: string, ocr?: number): MetaLine[] {
  const out: MetaLine[] = [];
  for (const raw of text.split("\n")) {
    const t = raw.replace(/[\s\u3000]+/g, "");
    if (!t) continue;
    out.push({ text: t, raw: raw.trim(), row: raw.includes(" | "), ...(ocr !== undefined ? { ocr } : {}) });
  }
  return joinOrderNumber(out);
}

/** 政府令 headings print 第N号 (or （第N号）) on its own line under …令: join them. */
function joinOrderNumber(lines: MetaLine[]): MetaLine[] {
  const out: MetaLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && !prev.row && /令$/.test(prev.text) && /^[（(]?第\d{1,5}号[）)]?$/.test(l.text)) {
      const n = l.text.replace(/[（()）]/g, "");
      out[out.length - 1] = { ...prev, text: prev.text + n, raw: `${prev.raw} ${n}` };
    } else out.push(l);
  }
  return out;
}

/** The 15 kinds of 党政机关公文 (条例 第八条), longest first where one ends another. */
export const KINDS = ["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要"] as const;

/** Words a 公文 title (or the regulation it publishes) ends with. */
export const TITLE_END = /(通知|通报|意见|决定|决议|命令|公报|公告|通告|报告|请示|批复|议案|函|纪要|办法|规定|规则|细则|条例|方案|规划|纲要|要点|标准|实施意见|答复|复函)(（[^（）]{1,12}）)?$/;

/** Suffixes of organ names (发文机关, 落款). */
export const ORGAN = /(人民政府|政府|委员会|办公厅|办公室|人大常委会|常委会|政协|法院|检察院|局|厅|部|委|院|署|办|会|处|所|中心|集团|公司|小组|支队|总队|大队|街道|镇|乡)$/;

export function organLike(s: string): boolean {
  return s.length >= 3 && s.length <= 40 && ORGAN.test(s) && !/[，。；：,;:！？“”《》]/.test(s);
}

/** Person titles in a signature block (市长 吕祖善), not organs. */
export const PERSON = /^(省长|市长|县长|区长|州长|局长|厅长|主任|部长|主席|书记|署长|院长)[：:]?/;

const CN_DIGIT: Record<string, number> = Object.fromEntries([..."〇一二三四五六七八九"].map((c, i) => [c, i]).concat([["○", 0], ["零", 0], ["Ｏ", 0], ["O", 0], ["0", 0]]));

/** A date written 2015年11月5日, 二〇一〇年七月二十日 or the mixed 二00九年十二月三十一日. */
export const DATE = /((?:19|20)\d{2}|[一二][〇○零ＯO0一二三四五六七八九]{3})年(\d{1,2}|十[一二]?|[一二三四五六七八九])月(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日/g;

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && !s.includes("十")) return Number([...s].map((c) => CN_DIGIT[c] ?? (/\d/.test(c) ? Number(c) : 0)).join(""));
  if (s.includes("十")) {
    const [tens, ones] = s.split("十");
    return (tens ? (CN_DIGIT[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? 0) : 0);
  }
  return CN_DIGIT[s] ?? 0;
}

export function parseChineseDate(m: RegExpMatchArray): string | undefined {
  const y = cnNumber(m[1]!);
  const mo = cnNumber(m[2]!);
  const d = cnNumber(m[3]!);
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The date a line consists of (optionally after an organ: 惠州市人民政府2016年4月26日), or null. */
export function standaloneDate(line: string): { iso: string; before: string } | null {
  const t = line.replace(/[（）()]/g, "");
  for (const m of t.matchAll(DATE)) {
    const iso = parseChineseDate(m);
    if (!iso) continue;
    const before = t.slice(0, m.index);
    const after = t.slice(m.index! + m[0].length);
    if (after.length > 0) continue;
    if (before.length === 0 || organLike(before)) return { iso, before };
  }
  return null;
}
