import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { fragments } from "./layout/lines";
import type { PageGeometry, Ruling, TextBox } from "./layout/types";

type PdfJs = typeof PdfJsModule;
type Matrix = [number, number, number, number, number, number];

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

interface PageLike {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}

function mul(a: readonly number[], b: readonly number[]): Matrix {
  return [a[0]! * b[0]! + a[2]! * b[1]!, a[1]! * b[0]! + a[3]! * b[1]!, a[0]! * b[2]! + a[2]! * b[3]!, a[1]! * b[2]! + a[3]! * b[3]!, a[0]! * b[4]! + a[2]! * b[5]! + a[4]!, a[1]! * b[4]! + a[3]! * b[5]! + a[5]!];
}

/** Text items in display space (the page's /Rotate applied): top-left origin, y down, baselines. */
export function textBoxes(items: readonly TextItemLike[], viewport: { transform: number[] }): TextBox[] {
  const out: TextBox[] = [];
  for (const it of items) {
    if (!it.str) continue;
    const m = mul(viewport.transform, it.transform);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 10;
    out.push({ x: m[4], y: m[5], w: Math.abs(it.width), h: size, text: it.str });
  }
  return out;
}

/**
 * Text set side by side, far apart, at about the same height on two or more
 * rows (table cells are often centred, so their baselines differ a little):
 * a table or a form, worth a second pass for the page's rulings.
 */
export function looksTabular(boxes: readonly TextBox[]): boolean {
  const ink = boxes.filter((b) => b.text.trim()).sort((a, b) => a.y - b.y);
  const rows: TextBox[][] = [];
  for (const b of ink) {
    const row = rows[rows.length - 1];
    if (row && b.y - row[0]!.y <= Math.max(row[0]!.h, b.h) * 0.9) row.push(b);
    else rows.push([b]);
  }
  let multi = 0;
  for (const row of rows) {
    const h = Math.max(...row.map((b) => b.h));
    const line = { x0: 0, x1: 0, y: row[0]!.y, h, boxes: [...row].sort((a, b) => a.x - b.x) };
    if (fragments(line).length >= 2 && ++multi >= 2) return true;
  }
  return false;
}

/**
 * Horizontal and vertical rulings from the page's drawing operators: thin
 * filled rectangles and stroked straight segments, in display space.
 */
export async function pageRulings(lib: PdfJs, page: PageLike, viewport: { transform: number[] }): Promise<Ruling[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const OPS = lib.OPS;
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const out: Ruling[] = [];
  const point = (x: number, y: number): [number, number] => {
    const m = mul(viewport.transform, ctm);
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.constructPath) {
      const path = paintedPath(OPS, args);
      if (path) segments(path.data, point, path.paint === OPS.stroke || path.paint === OPS.closeStroke, out);
    }
  }
  return out;
}

/**
 * A constructPath operator's path data and how it is painted (pdfjs 5: the
 * paint operator first, then the path buffer); null for a path that paints
 * nothing (a clipping path ends with endPath) or has no data.
 */
export function paintedPath(OPS: PdfJs["OPS"], args: readonly unknown[]): { paint: number; data: Float32Array } | null {
  const paint = args[0] as number;
  const data = (args[1] as (Float32Array | null)[] | undefined)?.[0];
  return data && paint !== OPS.endPath ? { paint, data } : null;
}

/** Path data (moveTo/lineTo/curveTo/closePath codes) → axis-aligned segments; filled thin boxes count as lines. */
function segments(buf: Float32Array, point: (x: number, y: number) => [number, number], stroked: boolean, out: Ruling[]): void {
  const pts: [number, number][] = [];
  const flush = (): void => {
    if (pts.length >= 2) {
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const w = Math.max(...xs) - Math.min(...xs);
      const h = Math.max(...ys) - Math.min(...ys);
      if (!stroked && pts.length >= 4 && (w < 3 || h < 3)) {
        // A thin filled rectangle: one ruling along its long side.
        if (w >= h) out.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: (Math.min(...ys) + Math.max(...ys)) / 2, y1: (Math.min(...ys) + Math.max(...ys)) / 2 });
        else out.push({ x0: (Math.min(...xs) + Math.max(...xs)) / 2, x1: (Math.min(...xs) + Math.max(...xs)) / 2, y0: Math.min(...ys), y1: Math.max(...ys) });
      } else if (stroked) {
        for (let k = 1; k < pts.length; k++) {
          const [a, b] = [pts[k - 1]!, pts[k]!];
          if (Math.abs(a[0] - b[0]) < 0.5 || Math.abs(a[1] - b[1]) < 0.5) out.push({ x0: a[0], y0: a[1], x1: b[0], y1: b[1] });
        }
      }
    }
    pts.length = 0;
  };
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === 0) {
      flush();
      pts.push(point(buf[k]!, buf[k + 1]!));
      k += 2;
    } else if (op === 1) {
      pts.push(point(buf[k]!, buf[k + 1]!));
      k += 2;
    } else if (op === 2) {
      flush();
      k += 6;
    } else if (op === 3) {
      flush();
      k += 4;
    } else if (op === 4) {
      if (stroked && pts.length) pts.push(pts[0]!);
    } else break;
  }
  flush();
}

export function geometry(width: number, height: number, boxes: TextBox[], rulings?: Ruling[]): PageGeometry {
  return { width, height, boxes, ...(rulings ? { rulings } : {}) };
}
