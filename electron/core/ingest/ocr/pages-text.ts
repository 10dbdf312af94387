/** Page numbers for a message: runs collapse ("1–9、12"). */
export function pageList(pages: number[]): string {
  const s = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${s[i]}–${s[j]}` : s.slice(i, j + 1).join("、"));
    i = j + 1;
  }
  return parts.join("、");
}
