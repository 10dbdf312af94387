import { groupLines, lineText } from "./lines";
import { WORD_CHAR, type Ruling, type TextBox } from "./types";

/** A ruled table (or form grid) found on a page: its box, its rows as text, the boxes it took. */
export interface TableRegion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  rows: string[];
  used: Set<TextBox>;
}

interface Seg {
  /** The fixed coordinate (y of a horizontal, x of a vertical ruling). */
  at: number;
  from: number;
  to: number;
}

function merge(segs: Seg[], tol: number): Seg[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Seg[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.at - s.at) <= tol && s.from <= last.to + tol) {
      last.to = Math.max(last.to, s.to);
      last.at = (last.at + s.at) / 2;
    } else out.push({ ...s });
  }
  return out;
}

function uniq(values: number[], tol: number): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > tol) out.push(v);
  return out;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** Covered: a ruling at `at` (±tol) spans at least half of [from, to]. */
function covered(segs: Seg[], at: number, from: number, to: number, tol: number): boolean {
  let len = 0;
  for (const s of segs) if (Math.abs(s.at - at) <= tol) len += Math.max(0, Math.min(to, s.to) - Math.max(from, s.from));
  return len >= (to - from) * 0.5;
}

/** Joins the lines of one cell: wrapped text runs on; list items are set apart (two spaces, kept as one by the hygiene), Latin words get a space. */
function cellText(boxes: TextBox[]): string {
  let out = "";
  for (const line of groupLines(boxes)) {
    const t = lineText(line.boxes, line.h);
    if (!t) continue;
    if (out && /^([（(]?\d{1,2}[）)、．.]|[①-⑳]|[一二三四五六七八九十]+、)/.test(t)) out += "  ";
    else if (out && WORD_CHAR.test(out.slice(-1)) && WORD_CHAR.test(t[0]!)) out += " ";
    out += t;
  }
  return out.trim();
}

/**
 * Tables drawn with rulings: connected horizontal and vertical rulings form
 * a grid; cells that no ruling separates are merged; each box goes to the
 * cell holding its first character; rows read `a | b | c`, a cell merged
 * down from the row above as empty. `tol` is the snapping distance.
 */
export function findTables(boxes: readonly TextBox[], rulings: readonly Ruling[], tol: number): TableRegion[] {
  const hs = merge(rulings.filter((r) => Math.abs(r.y1 - r.y0) <= tol && Math.abs(r.x1 - r.x0) > tol).map((r) => ({ at: (r.y0 + r.y1) / 2, from: Math.min(r.x0, r.x1), to: Math.max(r.x0, r.x1) })), tol);
  const vs = merge(rulings.filter((r) => Math.abs(r.x1 - r.x0) <= tol && Math.abs(r.y1 - r.y0) > tol).map((r) => ({ at: (r.x0 + r.x1) / 2, from: Math.min(r.y0, r.y1), to: Math.max(r.y0, r.y1) })), tol);
  if (hs.length < 2 || vs.length < 2) return [];
  // Components of crossing rulings: each is one table.
  const uf = new UnionFind(hs.length + vs.length);
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol) uf.union(i, hs.length + j);
    }),
  );
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(uf.find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(uf.find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(uf.find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(uf.find(hs.length + j), g);
  });
  const tables: TableRegion[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const t = readGrid(boxes, g.h, g.v, tol);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.y0 - b.y0);
}

function readGrid(boxes: readonly TextBox[], h: Seg[], v: Seg[], tol: number): TableRegion | null {
  const ys = uniq(h.map((s) => s.at), tol);
  const xs = uniq(v.map((s) => s.at), tol);
  const rowsN = ys.length - 1;
  const colsN = xs.length - 1;
  if (rowsN < 1 || colsN < 1 || rowsN * colsN < 2) return null;
  const id = (r: number, c: number): number => r * colsN + c;
  const uf = new UnionFind(rowsN * colsN);
  for (let r = 0; r < rowsN; r++) {
    for (let c = 0; c < colsN; c++) {
      if (c + 1 < colsN && !covered(v, xs[c + 1]!, ys[r]!, ys[r + 1]!, tol)) uf.union(id(r, c), id(r, c + 1));
      if (r + 1 < rowsN && !covered(h, ys[r + 1]!, xs[c]!, xs[c + 1]!, tol)) uf.union(id(r, c), id(r + 1, c));
    }
  }
  const cells = new Map<number, { top: number; left: number; boxes: TextBox[] }>();
  for (let r = 0; r < rowsN; r++) {
    for (let c = 0; c < colsN; c++) {
      const root = uf.find(id(r, c));
      const cell = cells.get(root);
      if (!cell) cells.set(root, { top: r, left: c, boxes: [] });
      else {
        cell.top = Math.min(cell.top, r);
        cell.left = Math.min(cell.left, c);
      }
    }
  }
  if (cells.size < 2) return null; // a frame around text, not a table
  const used = new Set<TextBox>();
  const find = (vals: number[], p: number): number => {
    for (let i = 0; i + 1 < vals.length; i++) if (p >= vals[i]! && p < vals[i + 1]!) return i;
    return -1;
  };
  for (const b of boxes) {
    if (!b.text.trim()) continue;
    const cx = b.x + Math.min(b.w, b.h) / 2;
    const cy = b.y - b.h / 3;
    const r = find(ys, cy);
    const c = find(xs, cx);
    if (r < 0 || c < 0) continue;
    cells.get(uf.find(id(r, c)))!.boxes.push(b);
    used.add(b);
  }
  const rows: string[] = [];
  for (let r = 0; r < rowsN; r++) {
    const seen = new Set<number>();
    const texts: string[] = [];
    for (let c = 0; c < colsN; c++) {
      const root = uf.find(id(r, c));
      if (seen.has(root)) continue;
      seen.add(root);
      const cell = cells.get(root)!;
      texts.push(cell.top === r ? cellText(cell.boxes) : "");
    }
    const filled = texts.filter((t) => t);
    if (filled.length === 1 && texts.length === 1) rows.push(filled[0]!);
    else if (filled.length) rows.push(texts.join(" | "));
  }
  return { x0: xs[0]!, x1: xs[xs.length - 1]!, y0: ys[0]!, y1: ys[ys.length - 1]!, rows, used };
}
