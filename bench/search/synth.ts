import { AliasSampler, commonTerms, rng, type WordModel } from "../corpus/model";

/**
 * Deterministic synthetic knowledge base for the search benchmark: chunks
 * of corpus-like text (words drawn by the corpus's Zipf frequencies, see
 * ../corpus/model.ts, with per-document topic words as real documents have),
 * of the length GovDesk's chunker makes (it cuts at sentence ends below
 * 400 tokens), and unit vectors clustered by document topic.
 */
export { rng };

const CJK_RUN = /[\u3400-\u9fff]+/g;
const WORDLIKE = /[\u3400-\u9fff\p{L}\p{N}]/u;

export interface SynthChunk {
  text: string;
  /** What ingestion would put in the FTS column (see fastBody). */
  body: string;
}

/**
 * The FTS text GovDesk indexes for a chunk (segmentForIndex: words, plus
 * every CJK character and bigram), from the words the generator drew rather
 * than a second pass of Intl.Segmenter over them (that would make building a
 * million chunks take hours on two cores). Queries go through the product's
 * own segmentQuery, whose CJK terms are characters and bigrams: those are
 * exactly what segmentForIndex would index.
 */
export function fastBody(words: string[], text: string): string {
  const out = words.filter((w) => WORDLIKE.test(w));
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    out.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out.join(" ");
}

export class SynthText {
  private readonly topicPool: string[];
  constructor(readonly model: WordModel) {
    // Topic words: mid-frequency terms, as a document's subject terms are (not 的, not one-off words).
    this.topicPool = model.words.slice(50, 8000).filter((w) => WORDLIKE.test(w) && w.length >= 2);
  }

  /** A document's topic: a dozen subject words that it repeats (8 % of its words). */
  topic(rand: () => number): AliasSampler<string> {
    const words = Array.from({ length: 12 }, () => this.topicPool[Math.floor(rand() * this.topicPool.length)]!);
    return new AliasSampler(words, words.map((_, i) => 1 / (i + 1)));
  }

  title(rand: () => number, topic: AliasSampler<string>): string {
    return `关于${topic.draw(rand)}${topic.draw(rand)}的${["通知", "规定", "办法", "意见", "决定"][Math.floor(rand() * 5)]}`;
  }

  /** One chunk of 250–420 characters; `titleWords`: the title as Intl.Segmenter cuts it (once per document). */
  chunk(rand: () => number, topic: AliasSampler<string>, title: string, titleWords: string[]): SynthChunk {
    const target = 250 + Math.floor(rand() * 170);
    const words: string[] = [];
    let len = 0;
    while (len < target) {
      const w = rand() < 0.08 ? topic.draw(rand) : this.model.sampler.draw(rand);
      words.push(w);
      len += w.length;
    }
    const text = `${words.join("")}。`;
    return { text, body: fastBody([...titleWords, ...words], `${title}\n${text}`) };
  }

  /** The commonest corpus terms (工作, 管理, 规定 …), for the common-term queries. */
  common(n: number): string[] {
    return commonTerms(this.model, n);
  }
}

/** Unit vector near `centroid` (documents on a topic are near each other). */
export function nearVector(centroid: Float32Array, rand: () => number, noise = 0.6): Float32Array {
  const v = new Float32Array(centroid.length);
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = centroid[i]! + noise * (rand() * 2 - 1);
    norm += v[i]! * v[i]!;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

export function centroids(n: number, dim: number, rand: () => number): Float32Array[] {
  return Array.from({ length: n }, () => Float32Array.from({ length: dim }, () => rand() * 2 - 1));
}
