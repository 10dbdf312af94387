/** Character bigrams of CJK runs and lowercased Latin/number words: cheap, good enough for Chinese overlap. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+|[A-Za-z0-9]+/g) ?? []) {
    if (/^[A-Za-z0-9]+$/.test(run)) {
      out.add(run.toLowerCase());
      continue;
    }
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** Overlap coefficient of two bigram sets (0..1). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}
