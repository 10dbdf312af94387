/**
 * What two readings of a page are compared on: characters only (NFKC folds
 * full-width Latin and digits; whitespace, which layout decides, is dropped).
 */
export function normaliseForCompare(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

/** Levenshtein distance over code points, O(n·m) time, O(m) memory. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length) return y.length;
  if (!y.length) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let cur = new Array<number>(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** Character error rate of `hypothesis` against `reference`, after normalising both. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const r = normaliseForCompare(reference);
  const h = normaliseForCompare(hypothesis);
  if (!r.length) return h.length ? 1 : 0;
  return editDistance(r, h) / [...r].length;
}
