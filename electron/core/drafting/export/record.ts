import {
  BorderStyle,
  OverlapType,
  type Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
} from "docx";
import type { GovDocument } from "../document";
import { charWidth, linesFor } from "./flow";
import { CHAR_4, CHARS_PER_LINE, LINE_PITCH, MARGIN, SIZE, TEXT_WIDTH } from "./geometry";
import { para, run } from "./parts";
import { STYLE } from "./styles";

/**
 * 版记 (GB/T 9704-2012 §7.4): 抄送机关 and 印发机关和印发日期 in 4号仿宋,
 * between lines as wide as the 版心 — the first and last thick (0.35 mm),
 * the ones between thin (0.25 mm) — its last element on the last line of
 * the last page. A table floating at the bottom of the 版心 does exactly
 * that wherever the text ends. 信函 (§10.1): no 印发 row and no lines.
 */

/** Border widths in eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt. */
export const THICK = 8;
export const THIN = 6;
const RECORD_LINE = LINE_PITCH;

export interface Record {
  table: Table;
  /** Height on the page, twips. */
  height: number;
}

/** 4号 characters a 版记 line holds between its one-character margins. */
const RECORD_CHARS = Math.floor(TEXT_WIDTH / CHAR_4) - 2;

function cell(children: Paragraph[]): TableCell {
  return new TableCell({ children, width: { size: TEXT_WIDTH, type: WidthType.DXA }, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
}

export function record(doc: GovDocument): Record | null {
  const letter = doc.template.format === "信函";
  const rows: TableRow[] = [];
  let lines = 0;
  if (doc.cc) {
    const label = "抄送：";
    const text = `${doc.cc}。`;
    const at = 1 + charWidth(label);
    rows.push(
      new TableRow({
        children: [cell([para([run(label, "fangsong", { size: SIZE.四号 }), run(text, "fangsong", { size: SIZE.四号 })], { style: STYLE.record, line: RECORD_LINE, indent: { left: at * CHAR_4, hanging: charWidth(label) * CHAR_4, right: CHAR_4 } })])],
      }),
    );
    lines += linesFor(label + text, { first: 0, left: charWidth(label), right: CHARS_PER_LINE - RECORD_CHARS });
  }
  if (!letter && (doc.printer || doc.printDate)) {
    rows.push(
      new TableRow({
        children: [
          cell([
            para([run(doc.printer, "fangsong", { size: SIZE.四号 }), run("\t", "fangsong", { size: SIZE.四号 }), run(`${doc.printDate}印发`, "fangsong", { size: SIZE.四号 })], {
              style: STYLE.record,
              line: RECORD_LINE,
              indent: { left: CHAR_4, right: CHAR_4 },
              tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_4 }],
            }),
          ]),
        ],
      }),
    );
    lines += 1;
  }
  if (rows.length === 0) return null;
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
  const line = (size: number) => (letter ? none : { style: BorderStyle.SINGLE, size, color: "000000" });
  const table = new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: { top: line(THICK), bottom: line(THICK), insideHorizontal: line(THIN), left: none, right: none, insideVertical: none },
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    // Anchored to the page at the left margin rather than centred in the margins: LibreOffice only
    // floats a full-width table whose position is relative to the page (else it sets it inline).
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: MARGIN.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
  });
  return { table, height: lines * RECORD_LINE + 40 };
}
