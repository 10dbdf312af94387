/**
 * Chinese text prepared for FTS5's unicode61 tokenizer, which would treat a
 * whole run of CJK characters as one token: the text becomes every CJK
 * character and CJK bigram, plus the Intl.Segmenter words of what is not CJK
 * (numbers, Latin words). Queries are cut the same way: CJK runs into their
 * characters or bigrams, the rest into the same words. Chinese words as the
 * segmenter cuts them are not indexed: no query term is one (a 3+ character
 * run is asked for as bigrams), and segmenting Chinese was ~5 % of reading a
 * document.
 */
/** Made on first use: constructing it loads ICU's word-break data, ~12 ms of the core's start when at module level. */
let segmenter: Intl.Segmenter | undefined;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** NFKC (full-width digits and letters), lower case, and no spaces inside CJK runs (letter-spaced headings, PDF line wraps). */
export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/([\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])/g, "$1");
}

function words(text: string): string[] {
  const out: string[] = [];
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Words of the text outside CJK runs (a run counts as a break): what both index and query take from the segmenter. */
function otherWords(text: string): string[] {
  return words(text.replace(CJK_RUN, " "));
}

function grams(run: string): string[] {
  const chars = [...run];
  const out = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The text to put into the FTS column. */
export function segmentForIndex(text: string): string {
  const t = normalise(text);
  const out = otherWords(t);
  for (const run of t.match(CJK_RUN) ?? []) out.push(...grams(run));
  return out.join(" ");
}

export interface QueryTerms {
  /** The terms themselves (normalised, unquoted), in query order. */
  terms: string[];
  /** FTS5 MATCH expression requiring every term; null when the query has no searchable text. */
  all: string | null;
  /** The same terms OR-ed, for a fallback when nothing has them all. */
  any: string | null;
  /** Strings to highlight in the original text. */
  highlights: string[];
}

export const quote = (t: string): string => `"${t.replace(/"/g, '""')}"`;

/**
 * A CJK run of 3+ characters becomes its bigrams (all required), so it
 * matches regardless of how the indexed text was segmented; 1–2 characters
 * are looked up directly; other words as they are.
 */
export function segmentQuery(query: string): QueryTerms {
  const t = normalise(query);
  const terms = new Set<string>();
  const highlights = new Set<string>();
  for (const w of words(t)) highlights.add(w);
  for (const w of otherWords(t)) terms.add(w);
  // CJK by runs, not by the segmenter's words: 盘点 stays one term even where it is cut in two.
  for (const run of t.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length <= 2) terms.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
  }
  const list = [...terms].map(quote);
  return {
    terms: [...terms],
    all: list.length ? list.join(" AND ") : null,
    any: list.length ? list.join(" OR ") : null,
    highlights: [...highlights].sort((a, b) => b.length - a.length),
  };
}
