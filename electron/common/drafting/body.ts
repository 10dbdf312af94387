/**
 * The 正文 as written: one paragraph per line, 结构层次序数 一、（一）1.（1）
 * as GB/T 9704-2012 §7.3.3 gives them. Pure: used by the export, the check
 * and the 写作 screen's preview.
 */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface BodyParagraph {
  /** 0 for an ordinary paragraph. */
  level: 0 | HeadingLevel;
  /** The paragraph as written (trimmed). */
  text: string;
  /** The 序数 itself ("一、", "（一）", "1.", "（1）"); empty for level 0. */
  marker: string;
  /**
   * The heading sentence set in the level's font: up to and including the
   * first 。 when the paragraph goes on after it, else the whole line.
   */
  head: string;
  /** What follows the heading sentence, in the body font. */
  rest: string;
}

const CN_NUM = "[一二三四五六七八九十百〇零]+";

/** Markers in GB/T 9704 form and the usual variants (一. （一）、 1、 (1)) that the check flags. */
export const LEVEL_PATTERNS: readonly { level: HeadingLevel; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^(${CN_NUM})\\s*[、.．，,]`) },
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*[、.．]?`) },
  { level: 3, re: /^(\d{1,3})\s*(?:[.．](?!\d)|、)/ },
  { level: 4, re: /^[（(]\s*(\d{1,3})\s*[）)]\s*[、.．]?/ },
];

/** The heading level and marker a line starts with, if any. */
export function headingOf(line: string): { level: HeadingLevel; marker: string; ordinal: string } | null {
  for (const { level, re } of LEVEL_PATTERNS) {
    const m = re.exec(line);
    if (m) return { level, marker: m[0], ordinal: m[1]! };
  }
  return null;
}

/** Splits a body text into paragraphs: lines trimmed (full-width spaces too), blank lines dropped. */
export function bodyLines(body: string | undefined): string[] {
  return (body ?? "")
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((l) => l.length > 0);
}

export function parseBody(body: string | undefined): BodyParagraph[] {
  return bodyLines(body).map(parseParagraph);
}

export function parseParagraph(text: string): BodyParagraph {
  const h = headingOf(text);
  if (!h) return { level: 0, text, marker: "", head: "", rest: text };
  const stop = text.indexOf("。", h.marker.length);
  const cut = stop >= 0 && stop < text.length - 1 ? stop + 1 : text.length;
  return { level: h.level, text, marker: h.marker, head: text.slice(0, cut), rest: text.slice(cut) };
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; NaN when it is not a number. */
export function chineseOrdinal(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in CN_DIGITS) digit = CN_DIGITS[c]!;
    else if (c === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (c === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else return Number.NaN;
  }
  return total + digit;
}

/** 1 → 一, 12 → 十二, 23 → 二十三 (for suggestions). */
export function toChineseOrdinal(n: number): string {
  const d = "〇一二三四五六七八九";
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ""}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ""}`;
  return String(n);
}
