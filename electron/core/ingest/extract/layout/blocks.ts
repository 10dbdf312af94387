import { pageNumberOf } from "../hygiene";
import { fragments, groupLines, lineText } from "./lines";
import { WORD_CHAR, type Line, type TextBox } from "./types";

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Covered intervals of a projection, merged; gaps between them are candidate cuts. */
function intervals(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((p, q) => p[0] - q[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const ink = (boxes: readonly TextBox[]): TextBox[] => boxes.filter((b) => b.text.trim());

/** Lines of running text fill their column; a form's label column holds short labels. */
function prose(boxes: TextBox[]): boolean {
  const lines = groupLines(boxes);
  if (lines.length < 3) return false;
  const width = Math.max(...lines.map((l) => l.x1)) - Math.min(...lines.map((l) => l.x0));
  const h = median(lines.map((l) => l.h)) || 1;
  const chars = median(lines.map((l) => l.boxes.reduce((n, b) => n + b.text.trim().length, 0)));
  return chars >= 8 && width >= 8 * h && median(lines.map((l) => l.x1 - l.x0)) >= width * 0.5;
}

/**
 * Splits the page into blocks in reading order (recursive XY cut): first at
 * wide horizontal gaps (title above columns, sections), then at a vertical
 * gutter when both sides are columns of running text, never between a
 * form's labels and values.
 */
export interface Block {
  boxes: TextBox[];
  /** Left and right edges of the column the block sits in (for indents and short lines). */
  left: number;
  right: number;
}

export function readingBlocks(boxes: readonly TextBox[], frame?: { left: number; right: number }, depth = 0): Block[] {
  const real = ink(boxes);
  if (real.length === 0) return [];
  const f = frame ?? { left: Math.min(...real.map((b) => b.x)), right: Math.max(...real.map((b) => b.x + b.w)) };
  const leaf = (): Block[] => [{ boxes: [...boxes], ...f }];
  if (depth > 10) return leaf();
  const lines = groupLines(real);
  if (lines.length < 2) return leaf();
  const h = median(lines.map((l) => l.h)) || 1;

  // Horizontal cuts at gaps clearly wider than the line spacing.
  const ys = intervals(lines.map((l) => [l.y - l.h, l.y + l.h * 0.25]));
  if (ys.length > 1) {
    const gaps = ys.slice(1).map((iv, i) => iv[0] - ys[i]![1]);
    const threshold = Math.max(h * 1.2, median(gaps) * 1.8);
    const cuts = ys.slice(1).filter((_, i) => gaps[i]! >= threshold).map((iv) => iv[0]);
    if (cuts.length) {
      const bands: TextBox[][] = Array.from({ length: cuts.length + 1 }, () => []);
      for (const b of boxes) {
        let k = 0;
        while (k < cuts.length && b.y - b.h * 0.5 >= cuts[k]!) k++;
        bands[k]!.push(b);
      }
      if (bands.filter((x) => ink(x).length).length > 1) return bands.flatMap((x) => readingBlocks(x, f, depth + 1));
    }
  }

  // A vertical gutter that no text crosses, with running text on both sides.
  const xs = intervals(real.map((b) => [b.x, b.x + b.w]));
  const gutters = xs
    .slice(1)
    .map((iv, i) => ({ at: (xs[i]![1] + iv[0]) / 2, width: iv[0] - xs[i]![1] }))
    .filter((g) => g.width >= h * 0.8)
    .sort((a, b) => b.width - a.width)
    .slice(0, 3);
  for (const g of gutters) {
    const left = boxes.filter((b) => b.x + b.w / 2 < g.at);
    const right = boxes.filter((b) => b.x + b.w / 2 >= g.at);
    if (prose(ink(left)) && prose(ink(right))) return [...readingBlocks(left, undefined, depth + 1), ...readingBlocks(right, undefined, depth + 1)];
  }
  return leaf();
}

const HEADING = /^(第[一二三四五六七八九十百零〇\d]+[章节条编]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|附件\d*[：:]?$)/;
/** A line that is only a date (the 成文日期 under a 落款) stands alone. */
const DATE_LINE = /^[12〇○零一二三四五六七八九Ｏ0OＯ]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;

/**
 * A block's lines joined into paragraphs: a line continues the paragraph
 * unless it is indented, the previous line stopped short of the right edge,
 * the gap above it is wide, the font size changes, or it opens a heading
 * (一、（一）第X条). Lines join without a space
 * (CJK), or with one between Latin words.
 */
export function paragraphs(block: Block): string[] {
  const lines = groupLines(ink(block.boxes));
  if (!lines.length) return [];
  const h = median(lines.map((l) => l.h)) || 1;
  const { left, right } = block;
  const pitches = lines.slice(1).map((l, i) => l.y - lines[i]!.y).filter((p) => p > 0);
  const pitch = median(pitches) || h * 1.5;
  const frags = lines.map((l) => fragments(l));
  const rows = tableRows(frags, h);
  const out: string[] = [];
  let prev: Line | null = null;
  for (const [i, line] of lines.entries()) {
    if (rows.has(i)) {
      // A row of a table drawn without rulings: its cells, set apart.
      out.push(frags[i]!.map((f) => lineText(f.boxes, line.h)).join(" | "));
      prev = null;
      continue;
    }
    const text = frags[i]!.map((f) => lineText(f.boxes, line.h)).join("  ");
    if (!text) continue;
    let joins = prev !== null;
    if (prev) {
      const indented = line.x0 - left >= h * 1.2;
      const short = prev.x1 < right - h * 1.5;
      const gap = line.y - prev.y > pitch * 1.6 || line.y - prev.y > h * 2.6;
      const size = Math.abs(line.h - prev.h) > Math.max(prev.h, line.h) * 0.1;
      // 一、（一）第X条 open a paragraph; a wrapped line does not begin with one.
      const heading = HEADING.test(text) || DATE_LINE.test(text) || pageNumberOf(text) !== null;
      if (indented || short || gap || size || heading) joins = false;
    }
    if (joins && out.length) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = last + (WORD_CHAR.test(last.slice(-1)) && WORD_CHAR.test(text[0]!) ? " " : "") + text;
    } else out.push(text);
    prev = line;
    // A page number never runs on into the next line either.
    if (pageNumberOf(text) !== null) prev = null;
  }
  return out;
}

/**
 * Lines of a table drawn without rulings: two or more consecutive lines, each
 * of several runs far apart, whose runs start at the same columns.
 */
function tableRows(frags: Line[][], h: number): Set<number> {
  const rows = new Set<number>();
  const aligned = (a: Line[], b: Line[]): boolean => {
    const shared = b.filter((f) => a.some((g) => Math.abs(g.x0 - f.x0) <= h)).length;
    return shared >= 2 && shared >= Math.min(a.length, b.length) - 1;
  };
  for (let i = 1; i < frags.length; i++) {
    const a = frags[i - 1]!;
    const b = frags[i]!;
    if (a.length >= 2 && b.length >= 2 && aligned(a, b)) {
      rows.add(i - 1);
      rows.add(i);
    }
  }
  return rows;
}
