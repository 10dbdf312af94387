import type { Paragraph, Table } from "docx";
import { CHARS_PER_LINE, LINE_PITCH } from "./geometry";

/**
 * The document as it is built, with the height each piece takes on the page
 * (twips). Heights are known exactly for the 版头 (exact line spacing) and
 * estimated for body text on the 22 × 28 grid; the estimate decides where
 * the 版记 goes and how many pages `--json` reports.
 */
export class Flow {
  readonly blocks: (Paragraph | Table)[] = [];
  /** Twips used in each section, one entry per section (附件 start new ones). */
  readonly sections: number[] = [0];

  add(block: Paragraph | Table, twips: number): this {
    this.blocks.push(block);
    this.sections[this.sections.length - 1]! += twips;
    return this;
  }

  addAll(blocks: readonly Paragraph[], twipsEach: number): this {
    for (const b of blocks) this.add(b, twipsEach);
    return this;
  }

  /** A paragraph of body text: as many grid lines as its characters need. */
  addText(block: Paragraph, lines: number): this {
    return this.add(block, lines * LINE_PITCH);
  }
}

/** Width in body characters: CJK and full-width forms count 1, ASCII 0.5. */
export function charWidth(s: string): number {
  let w = 0;
  for (const c of s) w += /[\x20-\x7e]/.test(c) ? 0.5 : 1;
  return w;
}

/**
 * Grid lines a paragraph needs: the first line starts `first` characters in,
 * the others `left` characters in, each holds CHARS_PER_LINE less the right
 * indent. Punctuation may not start a line (禁则): it takes the character
 * before it along to the next line.
 */
export function linesFor(text: string, indent: { first?: number; left?: number; right?: number } = {}): number {
  const left = indent.left ?? 0;
  const cap = CHARS_PER_LINE - (indent.right ?? 0);
  const chars = [...text];
  let lines = 1;
  let x = indent.first ?? 0;
  for (let i = 0; i < chars.length; i++) {
    const w = charWidth(chars[i]!);
    if (x + w <= cap + 1e-9) {
      x += w;
      continue;
    }
    lines++;
    x = left + w + (i > 0 && NO_LINE_START.test(chars[i]!) ? charWidth(chars[i - 1]!) : 0);
  }
  return lines;
}

const NO_LINE_START = /[，。、；：！？）》”’〕】…]/;
