import type { ExtractedPage } from "../ingest/types";
import { splitSentences } from "./sentences";

export interface PageSentence {
  text: string;
  /** Pages the sentence spans (a sentence may run over a page break). */
  pages: number[];
  /** Position in the document, 0-based. */
  index: number;
}

/**
 * Splits a document's pages into sentences that know their pages. Pages are
 * joined so that a sentence broken by a page break stays one sentence.
 */
export function pageSentences(pages: readonly ExtractedPage[]): PageSentence[] {
  const starts: number[] = [];
  let text = "";
  for (const p of pages) {
    starts.push(text.length);
    text += p.text.endsWith("\n") || p.text === "" ? p.text : `${p.text}\n`;
  }
  const pageAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return pages[lo]?.page ?? 1;
  };
  return splitSentences(text).map((s, index) => {
    const first = pageAt(s.start + leadingSpace(text, s.start, s.end));
    const last = pageAt(Math.max(s.start, s.end - 1 - trailingSpace(text, s.start, s.end)));
    const span: number[] = [];
    for (let p = first; p <= last; p++) span.push(p);
    return { text: s.text, pages: span.length ? span : [first], index };
  });
}

function leadingSpace(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && /\s/.test(text[k]!)) k++;
  return k - start;
}

function trailingSpace(text: string, start: number, end: number): number {
  let k = end - 1;
  while (k > start && /\s/.test(text[k]!)) k--;
  return end - 1 - k;
}
