import { pagesOfSpan, paragraphsOfSpan } from "../../ingest/chunk";
import type { SearchHit } from "../../search/types";
import { splitSentences } from "../sentences";
import { bigrams, similarity } from "../text-features";
import { contentGrams } from "./relevance";

/** A numbered source as shown under an answer and stored with the message. */
export interface SourceRef {
  n: number;
  documentId: number;
  chunkId: number;
  path: string;
  title: string;
  /** The page the cited passage starts on. */
  page: number;
  /** The pages the cited passage spans (one, or two when it crosses a page break). */
  pages: number[];
  /** False: the document has no fixed pages; `paragraphs` locates the passage. */
  paged: boolean;
  paragraphs?: [number, number];
  /** Verbatim text of the document (the sentence(s) that best match the question). */
  snippet: string;
}

const SNIPPET_CHARS = 160;

/**
 * A hit as a numbered source, located at its best passage: the page (and
 * pages) of that passage, not of the whole chunk, so the label in the answer,
 * the source list and the preview all point where the sentence is.
 */
export function toSourceRef(hit: SearchHit, n: number, question: string): SourceRef {
  const span = bestSpan(hit.text, question);
  const pages = hit.pageStarts.length ? pagesOfSpan(hit.pageStarts, span.start, span.end, hit.page) : hit.pages.length ? [hit.pages[0]!] : [hit.page];
  return {
    n,
    documentId: hit.documentId,
    chunkId: hit.chunkId,
    path: hit.path,
    title: hit.title,
    page: pages[0]!,
    pages,
    paged: hit.paged,
    ...(hit.chunkParagraph ? { paragraphs: paragraphsOfSpan(hit.text, hit.chunkParagraph, span.start, span.end) } : hit.paragraphs ? { paragraphs: hit.paragraphs } : {}),
    snippet: span.text,
  };
}

/** A passage shorter than this (a heading) takes the following sentences with it. */
const MIN_SNIPPET_CHARS = 40;

/**
 * The chunk's passage that overlaps the question most: verbatim text (a
 * slice of the chunk), so it can be found on the page it is cited for.
 */
export function bestPassage(text: string, question: string): string {
  return bestSpan(text, question).text;
}

/** bestPassage with where it is in `text` ([start, end)). */
export function bestSpan(text: string, question: string): { text: string; start: number; end: number } {
  const q = contentGrams(question);
  const spans = splitSentences(text);
  if (spans.length === 0) {
    const start = text.length - text.trimStart().length;
    const t = text.trim().slice(0, SNIPPET_CHARS);
    return { text: t, start, end: start + t.length };
  }
  let best = 0;
  let score = -1;
  spans.forEach((s, i) => {
    const sc = similarity(q, bigrams(s.text));
    if (sc > score) [best, score] = [i, sc];
  });
  let end = best;
  while (end + 1 < spans.length && spans[end]!.end - spans[best]!.start < MIN_SNIPPET_CHARS) end++;
  const raw = text.slice(spans[best]!.start, spans[end]!.end);
  const start = spans[best]!.start + (raw.length - raw.trimStart().length);
  const passage = raw.trim().slice(0, SNIPPET_CHARS);
  return { text: passage, start, end: start + passage.length };
}
