/**
 * Splits a page's text around a cited passage so it can be highlighted. The
 * passage may differ from the page in whitespace (line breaks of the
 * extracted text), so matching ignores whitespace; the returned parts are
 * slices of the page text itself.
 */
export function splitHighlight(page: string, passage: string): { before: string; match: string; after: string } | null {
  const target = passage.replace(/\s+/g, "");
  if (!target) return null;
  const chars: number[] = [];
  let flat = "";
  for (let i = 0; i < page.length; i++) {
    if (/\s/.test(page[i]!)) continue;
    chars.push(i);
    flat += page[i];
  }
  let at = flat.indexOf(target);
  let len = target.length;
  // A passage cut at a page break: highlight the part that is on this page.
  if (at < 0) {
    for (const n of [48, 24, 12]) {
      const head = target.slice(0, n);
      const tail = target.slice(-n);
      if (head.length === n && (at = flat.indexOf(head)) >= 0) break;
      if (tail.length === n && (at = flat.indexOf(tail)) >= 0) break;
    }
    if (at < 0) return null;
    len = Math.min(target.length, flat.length - at);
  }
  const start = chars[at]!;
  const end = chars[Math.min(at + len, chars.length) - 1]! + 1;
  return { before: page.slice(0, start), match: page.slice(start, end), after: page.slice(end) };
}
