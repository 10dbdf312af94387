import type { ExtractedPage } from "../ingest/types";
import { pageSentences, type PageSentence } from "./page-sentences";
import { bigrams, similarity } from "./text-features";

export type SummaryLength = "brief" | "bullets" | "detailed";

export interface SummaryPoint {
  text: string;
  pages: number[];
  /** Which document the point came from, when several are summarised together. */
  document?: string;
}

export interface ExtractiveSummary {
  method: "extractive";
  summary: string;
  points: SummaryPoint[];
}

/** Sentences shorter than this are headers, signatures, dates: rarely a gist. */
const MIN_CHARS = 10;
const MAX_CHARS = 220;
/** Points per paragraph of a detailed summary. */
const DETAILED_PARAGRAPH = 3;

/**
 * Extractive summary: the document's own sentences, ranked by how central
 * their character bigrams are to the whole text (plus a boost for headings
 * and the opening purpose statement), chosen one per segment of the document
 * so the summary covers its beginning, middle and end, then kept in document
 * order. Works with no model at all.
 */
export function extractiveSummary(pages: readonly ExtractedPage[], length: SummaryLength, document?: string): ExtractiveSummary {
  const sentences = pageSentences(pages);
  const chosen = pickSentences(sentences, pointCount(length, sentences.length));
  const points = chosen.map((s) => ({ text: s.text, pages: s.pages, ...(document ? { document } : {}) }));
  return { method: "extractive", summary: renderSummary(points, length), points };
}

export function pointCount(length: SummaryLength, sentences: number): number {
  if (length === "brief") return Math.min(1, sentences);
  const grow = Math.round(Math.log2(Math.max(1, sentences / 10)));
  const [min, max] = length === "bullets" ? [3, 8] : [6, 20];
  return Math.min(sentences, Math.max(min, Math.min(max, min + grow * (length === "bullets" ? 1 : 2))));
}

/**
 * Picks `count` sentences: the best of each of `count` equal segments (best
 * overall for one). Segments are cut over statement-like sentences only, so
 * a document's header block (organ, number, title, addressees) or signature
 * cannot take a segment of its own.
 */
export function pickSentences(sentences: readonly PageSentence[], count: number): PageSentence[] {
  if (count <= 0 || sentences.length === 0) return [];
  const grams = sentences.map((s) => bigrams(s.text));
  const scores = scoreSentences(sentences, grams);
  const statements = sentences.map((_, i) => i).filter((i) => isStatement(sentences[i]!.text));
  const pool = statements.length >= count ? statements : sentences.map((_, i) => i);
  if (count === 1) return [sentences[pool[argmax(pool.map((i) => scores[i]!), 0, pool.length, () => true)]!]!];
  const chosen: PageSentence[] = [];
  const chosenGrams: Set<string>[] = [];
  const poolScores = pool.map((i) => scores[i]!);
  for (let seg = 0; seg < count; seg++) {
    const from = Math.floor((seg * pool.length) / count);
    const to = Math.max(from + 1, Math.floor(((seg + 1) * pool.length) / count));
    const notRepeated = (k: number): boolean => chosenGrams.every((g) => similarity(g, grams[pool[k]!]!) < 0.8);
    // Coverage first: a segment of near-repeats still gets its best sentence.
    let best = argmax(poolScores, from, to, notRepeated);
    if (best < 0) best = argmax(poolScores, from, to, () => true);
    if (best < 0) continue;
    chosen.push(sentences[pool[best]!]!);
    chosenGrams.push(grams[pool[best]!]!);
  }
  return chosen;
}

/** A sentence that says something: ends like a sentence, or is long; not a bare heading. */
function isStatement(text: string): boolean {
  return text.length >= MIN_CHARS && (/[。！？；…”」]$/.test(text) || text.length >= 30);
}

function argmax(scores: readonly number[], from: number, to: number, ok: (i: number) => boolean): number {
  let best = -1;
  for (let i = from; i < to; i++) if (ok(i) && (best < 0 || scores[i]! > scores[best]!)) best = i;
  return best;
}

/** Centrality: mean document frequency of the sentence's bigrams, with shape penalties. */
export function scoreSentences(
  sentences: readonly PageSentence[],
  grams: readonly Set<string>[] = sentences.map((s) => bigrams(s.text)),
): number[] {
  const df = new Map<string, number>();
  for (const g of grams) for (const b of g) df.set(b, (df.get(b) ?? 0) + 1);
  const n = sentences.length;
  return sentences.map((s, i) => {
    const g = grams[i]!;
    let sum = 0;
    // Bigrams in every sentence are stop-words; in one sentence, noise.
    for (const b of g) {
      const d = df.get(b)!;
      if (d > 1 && d < n * 0.5 + 1) sum += Math.log(1 + d);
    }
    let score = g.size ? sum / Math.sqrt(g.size) : 0;
    const len = s.text.length;
    if (len < MIN_CHARS) score *= 0.2;
    else if (len > MAX_CHARS) score *= 0.6;
    if (/^[\d\s年月日.．\-/:：]+$/.test(s.text)) score *= 0.1;
    if (/[。！？；]$/.test(s.text)) score *= 1.2;
    // A short line without an ending is a title, organ name or signature, not a statement.
    else if (len < 30) score *= 0.3;
    if (i < 5 && /(为了|为进一步|根据|按照|现就|特制定|通知如下)/.test(s.text)) score *= 1.3;
    return score;
  });
}

export function renderSummary(points: readonly SummaryPoint[], length: SummaryLength): string {
  if (length === "brief") return points[0]?.text ?? "";
  if (length === "bullets") return points.map((p) => `- ${p.text}`).join("\n");
  // Detailed: paragraphs of a few consecutive points, so the text reads in sections.
  const paragraphs: string[] = [];
  for (let i = 0; i < points.length; i += DETAILED_PARAGRAPH) paragraphs.push(points.slice(i, i + DETAILED_PARAGRAPH).map((p) => p.text).join(""));
  return paragraphs.join("\n\n");
}

