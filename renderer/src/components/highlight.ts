/**
 * Where a cited passage is in a page's text. The passage may differ from the
 * page in whitespace (line breaks of the extracted text, spaces of a PDF's
 * text layer), so matching ignores whitespace. A passage cut at a page break
 * is matched by its first or last characters.
 */
export function findPassage(flat: string, passage: string): { at: number; len: number } | null {
  const target = passage.replace(/\s+/g, "");
  if (!target || !flat) return null;
  let at = flat.indexOf(target);
  if (at >= 0) return { at, len: target.length };
  for (const n of [48, 24, 12]) {
    const head = target.slice(0, n);
    const tail = target.slice(-n);
    if (head.length === n && (at = flat.indexOf(head)) >= 0) return { at, len: Math.min(target.length, flat.length - at) };
    if (tail.length === n && (at = flat.indexOf(tail)) >= 0) return { at, len: n };
  }
  return null;
}

/** Text without whitespace, with the index in the original of each character kept. */
export function flatten(text: string): { flat: string; index: number[] } {
  const index: number[] = [];
  let flat = "";
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    index.push(i);
    flat += text[i];
  }
  return { flat, index };
}

/** Splits a page's text around a cited passage so it can be highlighted; the parts are slices of the page itself. */
export function splitHighlight(page: string, passage: string): { before: string; match: string; after: string } | null {
  const { flat, index } = flatten(page);
  const found = findPassage(flat, passage);
  if (!found) return null;
  const start = index[found.at]!;
  const end = index[Math.min(found.at + found.len, index.length) - 1]! + 1;
  return { before: page.slice(0, start), match: page.slice(start, end), after: page.slice(end) };
}

/**
 * The passage's place in a run of text pieces (a PDF text layer's spans):
 * for each piece it touches, the character range [from, to) within it.
 */
export function passageRanges(pieces: readonly string[], passage: string): { piece: number; from: number; to: number }[] {
  const owner: { piece: number; offset: number }[] = [];
  let flat = "";
  pieces.forEach((text, piece) => {
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i]!)) continue;
      owner.push({ piece, offset: i });
      flat += text[i];
    }
  });
  const found = findPassage(flat, passage);
  if (!found) return [];
  const out: { piece: number; from: number; to: number }[] = [];
  for (let k = found.at; k < Math.min(found.at + found.len, owner.length); k++) {
    const { piece, offset } = owner[k]!;
    const last = out.at(-1);
    if (last && last.piece === piece) last.to = offset + 1;
    else out.push({ piece, from: offset, to: offset + 1 });
  }
  return out;
}
