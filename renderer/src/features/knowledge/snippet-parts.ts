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

/** Search filters from the form, without empty fields. */
export function toFilters(v: { format?: string[]; issuer?: string; dateFrom?: string; dateTo?: string }): {
  format?: string[];
  issuer?: string;
  dateFrom?: string;
  dateTo?: string;
} {
  return {
    ...(v.format?.length ? { format: v.format } : {}),
    ...(v.issuer?.trim() ? { issuer: v.issuer.trim() } : {}),
    ...(v.dateFrom?.trim() ? { dateFrom: v.dateFrom.trim() } : {}),
    ...(v.dateTo?.trim() ? { dateTo: v.dateTo.trim() } : {}),
  };
}

/** Paths typed one per line. */
export function parsePaths(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
