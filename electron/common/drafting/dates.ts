/**
 * Dates as a 公文 prints them (GB/T 9704-2012 §7.3.5.1: Arabic numerals,
 * year in full, no 虚位: "2026年11月30日"). Pure.
 */
export interface YMD {
  y: number;
  m: number;
  d: number;
}

const CN: Record<string, number> = { 〇: 0, "○": 0, 零: 0, O: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnPart(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && !s.includes("十")) return Number([...s].map((c) => CN[c] ?? Number.NaN).join(""));
  if (s.includes("十")) {
    const [tens, ones] = s.split("十");
    return (tens ? (CN[tens] ?? Number.NaN) : 1) * 10 + (ones ? (CN[ones] ?? Number.NaN) : 0);
  }
  return s.length === 1 ? (CN[s] ?? Number.NaN) : Number.NaN;
}

function valid(y: number, m: number, d: number): YMD | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1949 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? { y, m, d } : null;
}

/** Reads "2025-03-15", "2025/3/15", "2025.3.15", "2025年3月15日" or "二〇二五年三月十五日"; null if it is not a date. */
export function parseDate(input: string): YMD | null {
  const s = input.trim().replace(/\s+/g, "");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4}|[〇○零一二三四五六七八九OＯ0-9]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/.exec(s);
  if (m) return valid(cnPart(m[1]!.replace(/[0-9]/g, (c) => "〇一二三四五六七八九"[Number(c)]!)), cnPart(m[2]!), cnPart(m[3]!));
  return null;
}

export function formatDate(d: YMD): string {
  return `${d.y}年${d.m}月${d.d}日`;
}

/** Today on this machine's calendar. */
export function today(now = new Date()): YMD {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}
