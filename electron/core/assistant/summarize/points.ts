import type { SummaryPoint } from "../extractive";
import type { ReducePart } from "../prompts";
import { bigrams, similarity } from "../text-features";

const BULLET = /^\s*(?:[-•*·]|\d+[.、．)]|[（(]\d+[）)])\s*/;
const CITE = /\[(\d{1,3})\]/g;

/**
 * Points of a generated summary, each with the pages it came from: the
 * pages of the parts it cites as [n]; without citations, those of the part
 * it overlaps most (none when it overlaps nothing: pages are never guessed).
 */
export function pointsFromText(summary: string, parts: readonly ReducePart[]): SummaryPoint[] {
  const lines = summary.split("\n").map((l) => l.trim()).filter(Boolean);
  const bullets = lines.filter((l) => BULLET.test(l));
  const items = bullets.length ? bullets : lines;
  const byN = new Map(parts.map((p) => [p.n, p]));
  const partGrams = parts.map((p) => bigrams(p.text));
  return items
    .map((line) => {
      const cited = [...line.matchAll(CITE)].map((m) => byN.get(Number(m[1]))).filter((p): p is ReducePart => !!p);
      const text = line.replace(BULLET, "").replace(CITE, "").trim();
      const from = cited.length ? cited : bestOverlap(text, parts, partGrams);
      const pages = [...new Set(from.flatMap((p) => p.pages))].sort((a, b) => a - b);
      const docs = [...new Set(from.map((p) => p.document).filter((d): d is string => !!d))];
      return { text, pages, ...(docs.length === 1 ? { document: docs[0]! } : {}) };
    })
    .filter((p) => p.text.length > 0);
}

function bestOverlap(text: string, parts: readonly ReducePart[], grams: readonly Set<string>[]): ReducePart[] {
  const g = bigrams(text);
  let best = -1;
  let score = 0.2;
  grams.forEach((pg, i) => {
    const s = similarity(g, pg);
    if (s > score) [best, score] = [i, s];
  });
  return best >= 0 ? [parts[best]!] : [];
}
