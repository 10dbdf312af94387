import type { Fib } from "./fib";
import type { DocLists } from "./lists";
import type { CharStream } from "./pieces";
import type { Properties } from "./props";

/**
 * Turns a story's characters into lines: paragraphs (with their list
 * numbers), table rows as `a | b | c`, field results without field codes,
 * deleted and hidden text left out.
 */
export class StoryReader {
  private readonly mask: Uint8Array;

  constructor(
    private readonly chars: CharStream,
    private readonly props: Properties,
    private readonly lists: DocLists,
  ) {
    this.mask = props.droppedMask();
  }

  /** Lines of the CP range; `onParagraph(start, end)` is told each paragraph's CP span (for anchors). */
  read(start: number, end: number, onParagraph?: (cpStart: number, cpEnd: number, lineIndex: number) => void): string[] {
    const text = this.chars.text;
    const lines: string[] = [];
    const fields: ("code" | "result")[] = [];
    let buf = "";
    let paraStart = start;
    let cells: string[][] = [];
    let cell: string[] = [];
    let prevCellMark = false;
    const withProps = this.props.hasParagraphProps;

    const flushTable = (): void => {
      if (cell.length) cells.push(cell);
      const filled = cells.filter((c) => c.some((p) => p.trim()));
      // A one-cell row (a framed header or title) keeps its paragraphs as lines.
      if (filled.length === 1) lines.push(...filled[0]!.map((p) => p.trim()).filter((p) => p));
      else if (filled.length) lines.push(cells.map((c) => c.map((p) => p.trim()).filter((p) => p).join("  ")).join(" | "));
      cells = [];
      cell = [];
    };
    const endParagraph = (cp: number, mark: number): void => {
      onParagraph?.(paraStart, cp + 1, lines.length);
      const p = withProps ? this.props.paragraph(cp) : null;
      const label = p && p.ilfo > 0 ? this.lists.label(p.ilfo, p.ilvl) : "";
      const content = label + buf;
      buf = "";
      paraStart = cp + 1;
      const inTable = p ? p.itap > 0 : mark === 7 || cells.length > 0 || cell.length > 0;
      if (!inTable) {
        if (cells.length || cell.length) flushTable();
        lines.push(content);
        prevCellMark = false;
        return;
      }
      if (p && p.itap > 1) {
        // Nested table: its cells become part of the outer cell's text.
        cell.push(content);
        return;
      }
      const rowEnd = p ? p.ttp : mark === 7 && content === "" && prevCellMark;
      if (rowEnd) {
        flushTable();
        prevCellMark = false;
        return;
      }
      cell.push(content);
      if (mark === 7) {
        cells.push(cell);
        cell = [];
      }
      prevCellMark = mark === 7;
    };

    for (let cp = start; cp < end; cp++) {
      const c = text.charCodeAt(cp);
      if (c === 0x13) {
        fields.push("code");
        continue;
      }
      if (c === 0x14) {
        if (fields.length) fields[fields.length - 1] = "result";
        continue;
      }
      if (c === 0x15) {
        fields.pop();
        continue;
      }
      if (c === 0x0d || c === 0x07) {
        endParagraph(cp, c);
        continue;
      }
      if (fields.includes("code")) continue;
      if (c === 0x0c) {
        // Page or section break: ends the paragraph in hand.
        if (buf) endParagraph(cp, 0x0d);
        else paraStart = cp + 1;
        continue;
      }
      if (this.mask[cp]) continue;
      if (c === 0x0b || c === 0x0e) buf += "\n";
      else if (c === 0x09) buf += "\t";
      else if (c === 0x1e) buf += "-";
      else if (c === 0xa0) buf += " ";
      else if (c >= 0x20 && c !== 0x1f) buf += text[cp];
    }
    if (buf) endParagraph(end - 1, 0x0d);
    if (cells.length || cell.length) flushTable();
    return lines;
  }
}

export type { Fib };
