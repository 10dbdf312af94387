import { paragraphs, readingBlocks } from "./blocks";
import { findTables, type TableRegion } from "./tables";
import type { PageGeometry, TextBox } from "./types";

export type { PageGeometry, Ruling, TextBox } from "./types";

/**
 * A page's text in reading order: ruled tables as `a | b | c` rows at their
 * place, the rest cut into blocks (columns read top to bottom, then left to
 * right) whose lines are joined into paragraphs. One paragraph or row per line.
 */
export function layoutPage(page: PageGeometry, tol = 2): string {
  const tables: TableRegion[] = page.rulings?.length ? findTables(page.boxes, page.rulings, tol) : [];
  const free = tables.length ? page.boxes.filter((b) => !tables.some((t) => t.used.has(b))) : page.boxes;
  // Bands of free text between tables, each read on its own.
  const bands: TextBox[][] = Array.from({ length: tables.length + 1 }, () => []);
  for (const b of free) {
    let k = 0;
    while (k < tables.length && b.y - b.h / 2 > tables[k]!.y0) k++;
    bands[k]!.push(b);
  }
  const ink = page.boxes.filter((b) => b.text.trim());
  const frame = ink.length ? { left: Math.min(...ink.map((b) => b.x)), right: Math.max(...ink.map((b) => b.x + b.w)) } : undefined;
  const out: string[] = [];
  bands.forEach((band, i) => {
    for (const block of readingBlocks(band, frame)) out.push(...paragraphs(block));
    if (i < tables.length) out.push(...tables[i]!.rows);
  });
  return out.join("\n");
}
