/**
 * A character diff of two short texts (a paragraph and its suggested
 * revision), for showing wording suggestions: longest common subsequence,
 * runs of equal, removed and added text. Pure.
 */
export interface DiffPart {
  type: "same" | "removed" | "added";
  text: string;
}

export function diffChars(a: string, b: string): DiffPart[] {
  const x = [...a];
  const y = [...b];
  // Paragraphs are short; above this the diff is the two texts whole.
  if (x.length * y.length > 400_000) return ([{ type: "removed", text: a }, { type: "added", text: b }] as DiffPart[]).filter((p) => p.text);
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (type: DiffPart["type"], c: string) => {
    const last = parts[parts.length - 1];
    if (last?.type === type) last.text += c;
    else parts.push({ type, text: c });
  };
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push("same", x[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push("removed", x[i++]!);
    else push("added", y[j++]!);
  }
  while (i < x.length) push("removed", x[i++]!);
  while (j < y.length) push("added", y[j++]!);
  return parts;
}
