/**
 * Text that looks like the real corpus, for benchmarks that need far more
 * of it than a dozen documents: the words of /work/shared/corpus (read with
 * GovDesk's own extractors, segmented with Intl.Segmenter) with their real
 * frequencies, extended by a Zipf tail of new words built from the corpus's
 * character frequencies, so that common terms (工作, 管理, 规定) are as
 * common as in real 公文 and rare terms exist in realistic numbers. Also the
 * corpus's sentences, for documents that should read like real ones.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../../scripts/test-model/tiny-llama";

export const CORPUS_DIR = process.env["GOVDESK_CORPUS"] ?? "/work/shared/corpus";
const CACHE_DIR = "/tmp/govdesk-bench-cache";

export const rng = mulberry32;

export interface CorpusText {
  files: string[];
  /** Whole text of each document (pages joined by newlines). */
  texts: string[];
}

/** The corpus documents' text, extracted once with GovDesk's extractors and cached under /tmp. */
export async function corpusText(dir = CORPUS_DIR): Promise<CorpusText> {
  if (!existsSync(dir)) throw new Error(`corpus folder ${dir} not found (set GOVDESK_CORPUS)`);
  const files = readdirSync(dir).filter((f) => /\.(pdf|docx|doc|ofd)$/i.test(f)).sort();
  const key = createHash("sha256").update(files.map((f) => `${f}:${statSync(join(dir, f)).size}`).join("|")).digest("hex").slice(0, 16);
  const cache = join(CACHE_DIR, `corpus-${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as CorpusText;
  const { extractFile } = await import("../../electron/core/ingest/extract");
  const texts: string[] = [];
  for (const f of files) {
    const doc = await extractFile(join(dir, f));
    texts.push(doc.pages.map((p) => p.text).join("\n"));
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const out = { files, texts };
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

/** Walker's alias method: O(1) draws from a fixed discrete distribution. */
export class AliasSampler<T> {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    const n = items.length;
    const sum = weights.reduce((a, b) => a + b, 0);
    const scaled = weights.map((w) => (w * n) / sum);
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.prob[i] = 1;
  }
  draw(rand: () => number): T {
    const i = Math.floor(rand() * this.items.length);
    return this.items[rand() < this.prob[i]! ? i : this.alias[i]!]!;
  }
}

export interface WordModel {
  /** Words (and punctuation) by rank, most frequent first; the corpus's own, then the synthetic tail. */
  words: string[];
  weights: number[];
  /** How many of `words` come from the corpus itself. */
  corpusWords: number;
  sampler: AliasSampler<string>;
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const CJK = /[\u3400-\u9fff]/;

/**
 * Word frequencies of the corpus (real Zipf head), plus `tail` new words of
 * 2–4 characters drawn by the corpus's character frequencies, weighted to
 * continue the head's Zipf curve (weight ∝ 1 / rank) so the vocabulary grows
 * as a much larger collection's would.
 */
export function wordModel(corpus: CorpusText, tail = 60_000, seed = 7): WordModel {
  const counts = new Map<string, number>();
  const chars = new Map<string, number>();
  for (const text of corpus.texts) {
    for (const s of segmenter.segment(text.replace(/\s+/g, ""))) {
      counts.set(s.segment, (counts.get(s.segment) ?? 0) + 1);
      for (const ch of s.segment) if (CJK.test(ch)) chars.set(ch, (chars.get(ch) ?? 0) + 1);
    }
  }
  const head = [...counts].sort((a, b) => b[1] - a[1]);
  const words = head.map(([w]) => w);
  const weights = head.map(([, c]) => c);
  const charSampler = new AliasSampler([...chars.keys()], [...chars.values()]);
  const rand = rng(seed);
  const seen = new Set(words);
  const last = head.length;
  const lastWeight = weights[last - 1] ?? 1;
  while (words.length < last + tail) {
    const len = 2 + Math.floor(rand() * rand() * 3);
    let w = "";
    for (let i = 0; i < len; i++) w += charSampler.draw(rand);
    if (seen.has(w)) continue;
    seen.add(w);
    // Continue the curve: the first tail word weighs what the corpus's rarest word does, then 1/rank.
    weights.push((lastWeight * last) / (words.length + 1));
    words.push(w);
  }
  return { words, weights, corpusWords: last, sampler: new AliasSampler(words, weights) };
}

/** The most frequent corpus words of at least two CJK characters (工作, 管理, 规定 …). */
export function commonTerms(model: WordModel, n: number): string[] {
  return model.words.filter((w) => w.length >= 2 && [...w].every((c) => CJK.test(c))).slice(0, n);
}

/** Sentences of the corpus (split after 。；！？), for documents that should read like real ones. */
export function corpusSentences(corpus: CorpusText): string[] {
  const out: string[] = [];
  for (const text of corpus.texts) {
    for (const s of text.replace(/\s+/g, "").match(/[^。；！？]+[。；！？]/g) ?? []) if (s.length >= 8 && CJK.test(s)) out.push(s);
  }
  return out;
}
