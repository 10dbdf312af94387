/**
 * Automatic list numbering as Word renders it (一、（一）1.（1）…), shared by
 * the DOCX (numbering.xml) and DOC (LST/LFO) readers: number formats, level
 * templates ("%1、", "（%2）") and the counters of each list.
 */

export interface ListLevel {
  start: number;
  /** ECMA-376 ST_NumberFormat name (decimal, chineseCounting, …). */
  format: string;
  /** Level text with %1…%9 standing for the levels' numbers. */
  text: string;
  /** Legal numbering: every level's number rendered in decimal. */
  legal?: boolean;
  /** Restart after this level (0-based) appears; default: after any higher level. */
  restartAfter?: number;
}

const DIGITS = "〇一二三四五六七八九";
const LEGAL = "零壹贰叁肆伍陆柒捌玖";
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (up to 9999). */
export function chineseCount(n: number, digits = DIGITS, units = ["", "十", "百", "千"]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ds = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += digits[d]! + unit;
  });
  // 十一, not 一十一, in the counting style.
  return digits === DIGITS && n >= 10 && n < 20 ? out.slice(1) : out;
}

function letters(n: number, upper: boolean): string {
  const base = upper ? 65 : 97;
  const ch = String.fromCharCode(base + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) [n, out] = [n - v, out + s];
  return out;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "decimal":
    case "decimalHalfWidth":
      return String(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseCount(n);
    case "chineseLegalSimplified":
    case "ideographLegalTraditional":
      return chineseCount(n, LEGAL, ["", "拾", "佰", "仟"]);
    case "ideographDigital":
    case "taiwaneseDigital":
      return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]!);
    case "ideographTraditional":
      return STEMS[(n - 1) % 10] ?? String(n);
    case "ideographZodiac":
      return BRANCHES[(n - 1) % 12] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return enclosed(n, 0x2460, 20);
    case "decimalEnclosedFullstop":
      return enclosed(n, 0x2488, 20);
    case "decimalEnclosedParen":
      return enclosed(n, 0x2474, 20);
    case "ideographEnclosedCircle":
      return enclosed(n, 0x3220, 10);
    case "upperLetter":
      return letters(n, true);
    case "lowerLetter":
      return letters(n, false);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * The counters of every list in a document, in reading order. `label`
 * advances the list's counter at `ilvl`, restarts the deeper levels, and
 * renders the level text.
 */
export class ListCounters {
  private readonly counts = new Map<string, (number | undefined)[]>();

  /** Forgets the counter of one level (a list instance that starts over). */
  reset(list: string, ilvl: number): void {
    const counts = this.counts.get(list);
    if (counts) counts[ilvl] = undefined;
  }

  label(list: string, ilvl: number, levels: readonly (ListLevel | undefined)[], startOverride?: number): string {
    const level = levels[ilvl];
    if (!level) return "";
    let counts = this.counts.get(list);
    if (!counts) this.counts.set(list, (counts = []));
    const prev = counts[ilvl];
    counts[ilvl] = prev === undefined ? (startOverride ?? level.start) : prev + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const deeper = levels[d];
      if (!deeper || deeper.restartAfter === undefined || deeper.restartAfter >= ilvl) counts[d] = undefined;
    }
    if (level.format === "bullet") return bulletText(level.text);
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = levels[i];
      if (!l) return "";
      const n = counts[i] ?? l.start;
      return formatNumber(n, level.legal && i < ilvl ? "decimal" : l.format);
    });
  }
}

/** Bullets in Symbol/Wingdings private-use code points read as •. */
function bulletText(text: string): string {
  const t = text.replace(/[\uf000-\uf0ff]/g, "•").trim();
  return t || "•";
}

/** What follows a number: nothing after punctuation (一、 1. （一）), a space after a word (第一章 总则, Article 1 …). */
export function withFollow(label: string): string {
  if (!label) return "";
  if (/[\u3400-\u9fff]$/.test(label)) return `${label}\u3000`;
  return /[\p{L}\p{N}]$/u.test(label) ? `${label} ` : label;
}
