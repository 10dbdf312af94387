/**
 * How GovDesk names where a passage is: "第3页", "第3–4页", "第1、4页" for
 * documents with pages, "第12–14段" for flowing text (DOC, most DOCX, TXT),
 * which has no page layout to point at. Pure; the core, CLI and renderer share it.
 */
export interface Located {
  page: number;
  pages?: readonly number[];
  paged?: boolean;
  paragraphs?: readonly [number, number] | readonly number[];
}

export function pagesLabel(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  if (sorted.length === 0) return "";
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return `第${first}页`;
  if (last - first === sorted.length - 1) return `第${first}–${last}页`;
  return `第${sorted.join("、")}页`;
}

export function paragraphsLabel([a, b]: readonly number[]): string {
  if (!a) return "";
  return b && b !== a ? `第${a}–${b}段` : `第${a}段`;
}

export function locationLabel(l: Located): string {
  if (l.paged === false && l.paragraphs && l.paragraphs[0]) return paragraphsLabel(l.paragraphs);
  return pagesLabel(l.pages?.length ? l.pages : [l.page]);
}
