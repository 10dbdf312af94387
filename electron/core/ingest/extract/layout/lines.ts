import { CJK_CHAR, type Line, type TextBox } from "./types";

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Groups boxes into lines: boxes whose baselines are within a fraction of
 * their size (superscripts and mixed fonts included), ordered by x.
 */
export function groupLines(boxes: readonly TextBox[]): Line[] {
  const sorted = boxes.filter((b) => b.text.length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const b of sorted) {
    // Look back a few lines: two columns share baselines but are separated later by x.
    let target: Line | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
      const l = lines[i]!;
      if (Math.abs(l.y - b.y) <= Math.max(l.h, b.h) * 0.35) {
        target = l;
        break;
      }
    }
    if (target) {
      target.boxes.push(b);
      target.x0 = Math.min(target.x0, b.x);
      target.x1 = Math.max(target.x1, b.x + b.w);
    } else lines.push({ x0: b.x, x1: b.x + b.w, y: b.y, h: b.h, boxes: [b] });
  }
  for (const l of lines) {
    l.boxes.sort((a, b) => a.x - b.x);
    l.h = median(l.boxes.filter((b) => b.text.trim()).map((b) => b.h)) || l.h;
  }
  return lines.sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/** A gap this many font sizes wide separates fragments (columns, cells, a 落款's organ and date). */
export const BIG_GAP = 1.6;

/**
 * How wide a gap must be to separate runs on a line: BIG_GAP font sizes, or
 * twice the line's usual gap when its characters are spread out (a justified
 * or letter-spaced line set one character at a time).
 */
export function bigGap(boxes: readonly TextBox[], h: number): number {
  const ink = boxes.filter((b) => b.text.trim());
  const gaps = ink.slice(1).map((b, i) => b.x - (ink[i]!.x + ink[i]!.w)).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps.length >= 3 ? gaps[Math.floor(gaps.length / 2)]! : 0;
  return Math.max(BIG_GAP * h, usual * 2);
}

/** Splits a line where boxes are far apart: each fragment is a run of text set close together. */
export function fragments(line: Line): Line[] {
  const out: Line[] = [];
  let cur: Line | null = null;
  const wide = bigGap(line.boxes, line.h);
  for (const b of line.boxes) {
    if (!b.text.trim() && cur) {
      // A space box only widens the current fragment.
      continue;
    }
    if (cur && b.x - cur.x1 <= Math.max(wide, BIG_GAP * b.h)) {
      cur.boxes.push(b);
      cur.x1 = Math.max(cur.x1, b.x + b.w);
    } else {
      cur = { x0: b.x, x1: b.x + b.w, y: line.y, h: line.h, boxes: [b] };
      out.push(cur);
    }
  }
  return out.filter((f) => f.boxes.some((b) => b.text.trim()));
}

/**
 * The text of boxes set on one line. Spaces come from geometry, not from the
 * text layer's own space runs: none between CJK characters (justification,
 * letter-spacing), one between words of Latin script.
 */
export function lineText(boxes: readonly TextBox[], h: number): string {
  let out = "";
  let end: number | null = null;
  // Letter-spaced text (H F G S—2015—3 1): single characters set apart evenly; only wider gaps are spaces.
  const ink = boxes.filter((b) => b.text.trim());
  const singles = ink.filter((b) => b.text.trim().length === 1).length;
  let spaceGap = 0.15 * h;
  if (ink.length >= 3 && singles >= ink.length * 0.7) {
    const gaps = ink.slice(1).map((b, i) => b.x - (ink[i]!.x + ink[i]!.w)).sort((a, b) => a - b);
    spaceGap = Math.max(spaceGap, (gaps[Math.floor(gaps.length / 2)] ?? 0) * 1.8);
  }
  let pendingSpace = false;
  const wide = bigGap(boxes, h);
  for (const b of boxes) {
    const raw = b.text.replace(/[\s\u00a0\u3000]+/g, " ");
    if (raw.trim() && raw.startsWith(" ") && out) pendingSpace = true;
    const t = raw.trim() ? raw.trim() : raw;
    if (!t.trim()) {
      // A space run of the text layer: a space only between two words of Latin script.
      if (end !== null) end = Math.max(end, b.x + b.w);
      if (out && b.w > spaceGap * 0.5) pendingSpace = true;
      continue;
    }
    if (end !== null && out) {
      const gap = b.x - end;
      const prev = out.slice(-1);
      const next = t.trimStart()[0] ?? "";
      const cjk = CJK_CHAR.test(prev) || CJK_CHAR.test(next);
      if (gap > wide) out += out.endsWith(" ") ? " " : "  ";
      else if (!cjk && (gap > spaceGap || pendingSpace) && !out.endsWith(" ")) out += " ";
    }
    out += t;
    end = b.x + b.w;
    // A run ending in a space: a space before the next word, if that is Latin too.
    pendingSpace = raw.endsWith(" ");
  }
  return out.replace(/^ +| +$/g, "");
}
