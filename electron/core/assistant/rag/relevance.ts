import type { SearchHit } from "../../search/types";
import { bigrams } from "../text-features";

/** Question words that say nothing about the topic. */
const QUESTION_GRAMS = new Set(["什么", "怎么", "如何", "哪些", "是否", "有什", "么要", "要求", "规定", "多少", "为什", "么是", "请问", "关于", "有关", "的是", "哪个", "怎样"]);

/** Characters of questions and grammar; a bigram made only of these carries no topic. */
const FUNCTION_CHARS = new Set([..."这那是什么怎样如何哪些吗呢的了有没请问个谁为啥么"]);

export function contentGrams(question: string): Set<string> {
  const g = bigrams(question);
  for (const q of [...g]) if (QUESTION_GRAMS.has(q) || [...q].every((c) => FUNCTION_CHARS.has(c))) g.delete(q);
  return g;
}

/**
 * Hits that share at least one content word (bigram) with the question, in
 * their text, headings or document title. A
 * fused ranking always returns *something*; a hit that shares no word with
 * the question came from vectors alone and is treated as "not found" rather
 * than handed to the model to invent around. A question with no content
 * words at all (e.g. "这是什么？") keeps the hits as ranked.
 */
export function relevantHits(question: string, hits: readonly SearchHit[]): SearchHit[] {
  const q = contentGrams(question);
  if (q.size === 0) return [...hits];
  return hits.filter((h) => overlap(q, h) > 0 || titleOverlap(q, h));
}

/** "这个通知讲了什么" names the document, not a passage: its title counts for relevance. */
function titleOverlap(q: ReadonlySet<string>, h: SearchHit): boolean {
  const t = bigrams(h.title);
  for (const g of q) if (t.has(g)) return true;
  return false;
}

/**
 * Content words of the question found in the hit's text and headings (not
 * its title, which every passage of the document shares: this ranks passages).
 */
export function overlap(q: ReadonlySet<string>, h: SearchHit): number {
  const t = bigrams(`${h.headingPath.join("\n")}\n${h.text}`);
  let n = 0;
  for (const g of q) if (t.has(g)) n++;
  return n;
}
