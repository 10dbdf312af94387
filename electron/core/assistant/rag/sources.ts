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
  page: number;
  pages: number[];
  /** Verbatim text of the document (the sentence(s) that best match the question). */
  snippet: string;
}

const SNIPPET_CHARS = 160;

export function toSourceRef(hit: SearchHit, n: number, question: string): SourceRef {
  return {
    n,
    documentId: hit.documentId,
    chunkId: hit.chunkId,
    path: hit.path,
    title: hit.title,
    page: hit.page,
    pages: hit.pages.length ? hit.pages : [hit.page],
    snippet: bestPassage(hit.text, question),
  };
}

/** A passage shorter than this (a heading) takes the following sentences with it. */
const MIN_SNIPPET_CHARS = 40;

/**
 * The chunk's passage that overlaps the question most: verbatim text (a
 * slice of the chunk), so it can be found on the page it is cited for.
 */
export function bestPassage(text: string, question: string): string {
  const q = contentGrams(question);
  const spans = splitSentences(text);
  if (spans.length === 0) return text.trim().slice(0, SNIPPET_CHARS);
  let best = 0;
  let score = -1;
  spans.forEach((s, i) => {
    const sc = similarity(q, bigrams(s.text));
    if (sc > score) [best, score] = [i, sc];
  });
  let end = best;
  while (end + 1 < spans.length && spans[end]!.end - spans[best]!.start < MIN_SNIPPET_CHARS) end++;
  const passage = text.slice(spans[best]!.start, spans[end]!.end).trim();
  return passage.length > SNIPPET_CHARS ? passage.slice(0, SNIPPET_CHARS) : passage;
}
