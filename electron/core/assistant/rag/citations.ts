import type { SourceRef } from "./sources";

const CITE = /\[(\d{1,3})(?:\s*[,，、]\s*(\d{1,3}))*\]/g;

/** The source numbers an answer cites, in order of first mention: [1], [2], [1,3], [1、3]. */
export function citedNumbers(answer: string): number[] {
  const seen: number[] = [];
  for (const m of answer.matchAll(CITE)) {
    for (const n of m[0].slice(1, -1).split(/[,，、]/).map((x) => Number(x.trim()))) if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

/**
 * The sources an answer cites, resolved to documents and pages. Numbers with
 * no source (a model inventing [9]) are dropped; when the answer cites
 * nothing at all, every source it was given is listed, since it answered from them.
 */
export function resolveCitations(answer: string, sources: readonly SourceRef[]): SourceRef[] {
  const byN = new Map(sources.map((s) => [s.n, s]));
  const cited = citedNumbers(answer)
    .map((n) => byN.get(n))
    .filter((s): s is SourceRef => !!s);
  return cited.length ? cited : [...sources];
}
