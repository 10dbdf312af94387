import type { ExtractedPage } from "../types";

/**
 * Chinese text hygiene for every format: spaces that layout put between
 * Chinese characters go, real separations stay as one space; page numbers,
 * running headers and footers repeated across pages, and web-page print
 * furniture are removed (a page's printed number is kept as its label).
 */

/** Ideographs, full-width forms and punctuation, CJK quotes and dashes. */
const C = "[\\u2e80-\\u2fdf\\u3001-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff01-\\uff60\\uffe0-\\uffe6\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7\\u2460-\\u24ff\\u3200-\\u32ff]";
/** One space (from justification, letter-spacing or a wrapped line) between two CJK characters. */
const SINGLE = new RegExp(`(?<=${C})[ \\u00a0](?=${C})`, "g");
/** One space between a CJK character and a digit (2016 年, 第 138 号, 满 1 年): layout, not writing. */
const DIGIT_SPACE = new RegExp(`(?<=${C})[ \\u00a0](?=\\d)|(?<=\\d)[ \\u00a0](?=${C})`, "g");
/** A wider separation (several spaces, an ideographic space, a tab): one space. */
const WIDE = new RegExp(`(?<=${C})(?:[ \\u00a0\\u3000\\t]{2,}|[\\u3000\\t])(?=${C})`, "g");
/** 语  文, 市  长: single characters set apart with spaces to fill a width (table cells, signatures). */
const LETTER_SPACED = new RegExp(`(?<!${C})${C}(?:[ \\u00a0\\u3000]+${C}(?!${C}))+`, "g");
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** H F G S — letter-spaced capitals and digits (registration marks). */
const SPACED_CAPS = /\b[A-Z0-9](?: [A-Z0-9]){2,}\b/g;

/** One line: layout spaces between CJK characters dropped, wide gaps kept as one space. */
export function cleanLine(line: string): string {
  return line
    .replace(ZERO_WIDTH, "")
    .replace(LETTER_SPACED, (m) => m.replace(/[ \u00a0\u3000]+/g, ""))
    .replace(WIDE, "\ue000")
    .replace(SINGLE, "")
    .replace(DIGIT_SPACE, "")
    .replace(/\ue000/g, " ")
    .replace(SPACED_CAPS, (m) => m.replace(/ /g, ""))
    .replace(/[ \t\u00a0\u3000]+$/g, "")
    .replace(/^[ \t\u00a0\u3000]+/g, "")
    .replace(/\t/g, " ")
    .replace(/(?<=\S)[ \u00a0]{2,}(?=\S)/g, " ");
}

export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map(cleanLine)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** — 2 —, - 2 -, －2－, 第 2 页 共 5 页, 第2页/共5页, 2 / 5, Page 2 of 5, 第二页: a page number and nothing else. */
const PAGE_NUMBER: RegExp[] = [
  /^[—–\-－─一]{1,2}\s*(\d{1,4})\s*[—–\-－─一]{1,2}$/,
  /^第\s*(\d{1,4})\s*页\s*[，,/／]?\s*(?:共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[，,/／]?\s*第\s*(\d{1,4})\s*页$/,
  /^(\d{1,4})\s*[/／]\s*\d{1,4}$/,
  /^[Pp]age\s*(\d{1,4})(?:\s*of\s*\d{1,4})?$/,
  /^[·•]\s*(\d{1,4})\s*[·•]$/,
];

export function pageNumberOf(line: string): string | null {
  const t = line.trim();
  for (const re of PAGE_NUMBER) {
    const m = re.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

/** Lines a browser prints around a saved web page, or a site's navigation. */
const WEB_FURNITURE: RegExp[] = [
  /^(您的位置|您现在的位置|您当前的位置|当前位置|所在位置)\s*[:：]/,
  /^(https?:\/\/|www\.)\S+(\s+\d{1,3}\s*\/\s*\d{1,3})?$/i,
  /^\d{1,3}\s+of\s+\d{1,3}\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(\s*[AP]M)?$/i,
  /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(\s*[AP]M)?(\s+\S.*)?$/i,
  /^\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+(上午|下午)?\s*\d{1,2}:\d{2}(:\d{2})?(\s+\S.{0,60})?$/,
  /^(【?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|收藏|纠错|分享到)\s*】?\s*)+$/,
  /^【?\s*字[体号]\s*[:：]\s*[大中小\s]+】?.*$/,
  /^(扫一扫在手机打开当前页|分享到\s*[:：].*)$/,
];

export function isWebFurniture(line: string): boolean {
  const t = line.trim();
  return t.length <= 120 && WEB_FURNITURE.some((re) => re.test(t));
}

/** A line as compared across pages: digits and spaces ignored (running headers carry changing numbers). */
function shape(line: string): string {
  return line.replace(/\s+/g, "").replace(/\d+/g, "#");
}

const EDGE = 2;

/**
 * Cleans every page and removes what repeats as page furniture. A page's
 * printed number becomes its `label`. Running headers and footers: a line
 * within the first or last two lines of a page whose shape recurs on at
 * least 3 pages and 40 % of them: short, not a sentence, not a table row
 * (a table's header row repeated on each page is content).
 */
export function cleanPages(pages: readonly ExtractedPage[]): ExtractedPage[] {
  const split = pages.map((p) => cleanText(p.text).split("\n"));
  const labels: (string | undefined)[] = pages.map(() => undefined);

  split.forEach((lines, i) => {
    const keep: string[] = [];
    lines.forEach((line, k) => {
      const n = pageNumberOf(line);
      const edge = k < EDGE + 1 || k >= lines.length - EDGE - 1;
      if (n !== null) {
        labels[i] ??= n;
        return;
      }
      // A bare number on its own line at the top or bottom, close to the page's index.
      if (edge && pages.length > 1 && /^\d{1,4}$/.test(line.trim()) && Math.abs(Number(line.trim()) - pages[i]!.page) <= 5) {
        labels[i] ??= line.trim();
        return;
      }
      if (isWebFurniture(line)) return;
      keep.push(line);
    });
    split[i] = keep;
  });

  if (pages.length >= 3) {
    const counts = new Map<string, number>();
    for (const lines of split) {
      const seen = new Set<string>();
      for (const line of edges(lines)) {
        const s = shape(line);
        // Running headers and footers are short lines; body text is not compared.
        if (s.length >= 2 && s.length <= 40 && !/[。；！？]$/.test(s) && !line.includes(" | ") && !seen.has(s)) {
          seen.add(s);
          counts.set(s, (counts.get(s) ?? 0) + 1);
        }
      }
    }
    const min = Math.max(3, Math.ceil(pages.length * 0.4));
    const running = new Set([...counts].filter(([, n]) => n >= min).map(([s]) => s));
    if (running.size) {
      split.forEach((lines, i) => {
        const edgeSet = new Set(edges(lines));
        split[i] = lines.filter((l) => !(edgeSet.has(l) && running.has(shape(l))));
      });
    }
  }

  return pages.map((p, i) => {
    const text = split[i]!.join("\n").replace(/\n{3,}/g, "\n\n").trim();
    const out: ExtractedPage = { ...p, text };
    if (labels[i] !== undefined) out.label = labels[i];
    return out;
  });
}

function edges(lines: string[]): string[] {
  const nonEmpty = lines.filter((l) => l.trim());
  return [...nonEmpty.slice(0, EDGE), ...nonEmpty.slice(Math.max(EDGE, nonEmpty.length - EDGE))];
}
