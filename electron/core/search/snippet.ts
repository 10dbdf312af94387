/** Removes whitespace, remembering where each kept character was (letter-spaced text, PDF line wraps). */
function compact(text: string): { s: string; at: number[] } {
  const at: number[] = [];
  let s = "";
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    s += text[i]!;
    at.push(i);
  }
  return { s: s.toLowerCase(), at };
}

/**
 * What to mark in a hit: the whole query where it occurs, else its words of
 * two or more characters (single characters only for a one-character query).
 */
export function highlightTerms(query: string, words: string[]): string[] {
  const whole = query.replace(/\s+/g, "");
  const multi = words.filter((w) => [...w].length >= 2);
  const terms = [whole, ...(multi.length ? multi : words)];
  return [...new Set(terms.filter((t) => t))].sort((a, b) => b.length - a.length);
}

/** Where the terms occur in `text` (whitespace and case ignored), as [start, end) spans in order. */
function matchSpans(text: string, terms: string[]): [number, number][] {
  const { s, at } = compact(text);
  const taken = new Uint8Array(s.length);
  const spans: [number, number][] = [];
  for (const t of terms) {
    const needle = t.replace(/\s+/g, "").toLowerCase();
    if (!needle) continue;
    for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length)) {
      if (taken.subarray(i, i + needle.length).some((x) => x)) continue;
      taken.fill(1, i, i + needle.length);
      spans.push([at[i]!, at[i + needle.length - 1]! + 1]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The index of the span that starts the window of `width` characters holding the most matched characters. */
function bestWindow(spans: [number, number][], width: number): number {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < spans.length; i++) {
    let n = 0;
    for (let j = i; j < spans.length && spans[j]![1] - spans[i]![0] <= width; j++) n += spans[j]![1] - spans[j]![0];
    if (n > bestScore) [best, bestScore] = [i, n];
  }
  return best;
}

/** Where in `text` the snippet's best cluster of matches begins (the passage a hit points at), or null. */
export function matchOffset(text: string, terms: string[], width = 90): number | null {
  const spans = matchSpans(text, terms);
  return spans.length ? spans[bestWindow(spans, width)]![0] : null;
}

/**
 * A short excerpt of `text` around the best cluster of matches, each match
 * wrapped in 【】 (plain text, safe to render anywhere). Matching ignores
 * whitespace and case.
 */
export function makeSnippet(text: string, terms: string[], width = 90): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  const spans = matchSpans(flat, terms);
  if (!spans.length) return flat.length > width ? `${flat.slice(0, width)}…` : flat;
  const first = spans[bestWindow(spans, width)]!;
  const start = Math.max(0, Math.min(first[0] - Math.floor(width / 4), flat.length - width));
  const end = Math.min(flat.length, start + width);
  let out = "";
  let pos = start;
  for (const [a, b] of spans) {
    if (a < start || b > end) continue;
    out += flat.slice(pos, a) + "【" + flat.slice(a, b) + "】";
    pos = b;
  }
  out += flat.slice(pos, end);
  return (start > 0 ? "…" : "") + out + (end < flat.length ? "…" : "");
}
