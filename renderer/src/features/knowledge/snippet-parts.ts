/** Splits a search snippet into plain and highlighted parts (matches come wrapped in 【】). */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const re = /【([^【】]*)】/g;
  let pos = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > pos) parts.push({ text: snippet.slice(pos, m.index), mark: false });
    if (m[1]) parts.push({ text: m[1], mark: true });
    pos = m.index + m[0].length;
  }
  if (pos < snippet.length) parts.push({ text: snippet.slice(pos), mark: false });
  return parts;
}

/** Paths typed one per line. */
export function parsePaths(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The document text a snippet shows (markers and ellipses removed): the passage to highlight in the preview. */
export function snippetPassage(snippet: string): string {
  return snippet.replace(/[【】]/g, "").replace(/^…|…$/g, "").trim();
}
