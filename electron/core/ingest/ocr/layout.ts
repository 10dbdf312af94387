/** Axis-aligned box in the upright page's pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One OCR'd line (or line fragment) with its box: what a citation highlights. */
export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
}

export interface Layout {
  /** The lines in reading order. */
  lines: OcrLine[];
  /** Paragraphs in reading order, one a line; a paragraph's lines joined. */
  text: string;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function right(b: Box): number {
  return b.x + b.w;
}

function overlapY(a: Box, b: Box): number {
  return Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
}

/** Lines that share a baseline (a table row, a line DB split at a wide space), left to right. */
function rows(lines: OcrLine[]): OcrLine[][] {
  const out: { box: Box; items: OcrLine[] }[] = [];
  for (const l of [...lines].sort((a, b) => a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2))) {
    const row = out.find((r) => overlapY(r.box, l.box) > 0.5 * Math.min(r.box.h, l.box.h));
    if (row) {
      row.items.push(l);
      const y = Math.min(row.box.y, l.box.y);
      row.box = { x: Math.min(row.box.x, l.box.x), y, w: Math.max(right(row.box), right(l.box)) - Math.min(row.box.x, l.box.x), h: Math.max(row.box.y + row.box.h, l.box.y + l.box.h) - y };
    } else out.push({ box: { ...l.box }, items: [l] });
  }
  return out.sort((a, b) => a.box.y - b.box.y).map((r) => r.items.sort((a, b) => a.box.x - b.box.x));
}

/**
 * A gutter splitting the lines into two text columns, or null: an x in the
 * middle half that few lines cross, with at least three lines on each side
 * beside each other, most of them filling their column (justified text). A
 * table's cells also sit side by side but vary in width: tables read by rows.
 */
function gutter(lines: OcrLine[], lineH: number): number | null {
  if (lines.length < 8) return null;
  const x0 = Math.min(...lines.map((l) => l.box.x));
  const x1 = Math.max(...lines.map((l) => right(l.box)));
  let best: { x: number; crossing: number } | null = null;
  for (let x = x0 + (x1 - x0) * 0.25; x <= x0 + (x1 - x0) * 0.75; x += Math.max(1, lineH / 4)) {
    const crossing = lines.filter((l) => l.box.x < x && right(l.box) > x).length;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best || best.crossing > lines.length * 0.2) return null;
  const left = lines.filter((l) => right(l.box) <= best.x);
  const rightSide = lines.filter((l) => l.box.x >= best.x);
  if (left.length < 3 || rightSide.length < 3) return null;
  const y0 = Math.max(Math.min(...left.map((l) => l.box.y)), Math.min(...rightSide.map((l) => l.box.y)));
  const y1 = Math.min(Math.max(...left.map((l) => l.box.y + l.box.h)), Math.max(...rightSide.map((l) => l.box.y + l.box.h)));
  if (y1 - y0 < 2 * lineH) return null;
  const filled = (side: OcrLine[]): number => {
    const widest = Math.max(...side.map((l) => l.box.w));
    return side.filter((l) => l.box.w >= widest * 0.8).length / side.length;
  };
  return filled(left) >= 0.6 && filled(rightSide) >= 0.6 ? best.x : null;
}

/** Reading order: sections between lines that span the gutter; in a section the left column, then the right. */
function order(lines: OcrLine[], lineH: number): OcrLine[][] {
  const g = gutter(lines, lineH);
  if (g === null) return rows(lines);
  const out: OcrLine[][] = [];
  let section: OcrLine[] = [];
  const flush = (): void => {
    if (!section.length) return;
    out.push(...order(section.filter((l) => right(l.box) <= g), lineH), ...order(section.filter((l) => right(l.box) > g), lineH));
    section = [];
  };
  for (const row of rows(lines)) {
    if (row.some((l) => l.box.x < g && right(l.box) > g)) {
      flush();
      out.push(row);
    } else section.push(...row);
  }
  flush();
  return out;
}

function joinText(a: string, b: string): string {
  if (!a) return b;
  return CJK.test(a.at(-1)!) || CJK.test(b[0]!) ? a + b : `${a} ${b}`;
}

/** A row's text: fragments joined, a space only where the gap is wider than a character. */
function rowText(row: OcrLine[], lineH: number): string {
  let out = "";
  row.forEach((l, i) => {
    const gap = i ? l.box.x - right(row[i - 1]!.box) : 0;
    out = gap > lineH * 1.2 ? `${out} ${l.text}` : joinText(out, l.text);
  });
  return out;
}

/**
 * Orders OCR lines for reading (two-column pages column by column, tables
 * row by row) and joins them into paragraphs: a new paragraph where a line
 * is indented, follows a short line, or sits after a wider gap.
 */
export function layoutLines(lines: OcrLine[]): Layout {
  if (!lines.length) return { lines: [], text: "" };
  const lineH = median(lines.map((l) => Math.min(l.box.h, l.box.w)));
  const ordered = order(lines, lineH);
  const boxes = ordered.map((row) => ({ x: row[0]!.box.x, y: Math.min(...row.map((l) => l.box.y)), w: right(row.at(-1)!.box) - row[0]!.box.x, h: Math.max(...row.map((l) => l.box.h)) }));
  // A flow is a run of rows going down the page (a column); its right edge is where full lines end.
  const edges: number[] = [];
  for (let i = 0, start = 0; i <= boxes.length; i++) {
    if (i === boxes.length || (i > start && boxes[i]!.y < boxes[i - 1]!.y)) {
      const edge = Math.max(...boxes.slice(start, i).map(right));
      for (let k = start; k < i; k++) edges.push(edge);
      start = i;
    }
  }
  const paragraphs: string[] = [];
  let current = "";
  ordered.forEach((row, i) => {
    const box = boxes[i]!;
    const prev = i > 0 ? boxes[i - 1]! : null;
    const text = rowText(row, lineH);
    const continues =
      prev !== null &&
      edges[i] === edges[i - 1] &&
      row.length === 1 &&
      ordered[i - 1]!.length === 1 &&
      box.y > prev.y &&
      box.y - (prev.y + prev.h) < lineH * 0.9 &&
      box.x < prev.x + lineH * 0.8 &&
      // A change of type size (title to body) starts a paragraph.
      Math.abs(box.h - prev.h) < 0.2 * Math.max(box.h, prev.h) &&
      // The line before ran to the column's edge and did not end a sentence or a salutation.
      right(prev) > edges[i]! - lineH * 1.5 &&
      !/[：:。；;！!？?]$/.test(current);
    if (continues) current = joinText(current, text);
    else {
      if (current) paragraphs.push(current);
      current = text;
    }
  });
  if (current) paragraphs.push(current);
  return { lines: ordered.flat(), text: paragraphs.join("\n") };
}
