import { BorderStyle, Footer, Header, Paragraph, TabStopType } from "docx";
import type { GovDocument } from "../document";
import type { Flow } from "./flow";
import { LINE_PITCH, mm, RED, TEXT_WIDTH } from "./geometry";
import { markStyle } from "./header";
import { blank, CENTER, LEFT, para, run } from "./parts";
import { STYLE } from "./styles";

/**
 * 信函格式 (GB/T 9704-2012 §10.1), used by 函: the issuer's full name in red
 * 30 mm from the top of the page, a red double line (thick over thin) 4 mm
 * under it and another (thin over thick) 20 mm from the bottom, both 170 mm
 * long; no page number on the first page. The first page's header and
 * footer carry them, so the text below keeps the ordinary 版心.
 */
const LETTER_LINE = mm(170);
const OVERHANG = (TEXT_WIDTH - LETTER_LINE) / 2; // negative: the lines reach 7 mm past the 版心 each side
/** Glyph top of a 36 pt exact line sits about this far above the line's top (as for the 文件 mark). */
const MARK_OVERHANG = 48;
export const LETTER_HEADER_DISTANCE = mm(30) + MARK_OVERHANG;

function doubleLine(upper: number, lower: number): Paragraph {
  return new Paragraph({
    style: STYLE.free,
    indent: { left: OVERHANG, right: OVERHANG },
    spacing: { line: 40, lineRule: "exact", before: 0, after: 0 },
    border: {
      top: { style: BorderStyle.SINGLE, size: upper, color: RED, space: 0 },
      bottom: { style: BorderStyle.SINGLE, size: lower, color: RED, space: 0 },
    },
    children: [],
  });
}

export function letterFirstHeader(doc: GovDocument): Header {
  const { size, scale } = markStyle(doc.mark);
  return new Header({
    children: [
      para([run(doc.mark, "xiaobiaosong", { size, color: RED, scale })], { style: STYLE.free, alignment: CENTER, line: size * 10 }),
      // 4 mm from the mark's lower edge to the first double line (measured: the glyphs reach below their line).
      ...blank(1, STYLE.free, mm(4) - 80),
      doubleLine(18, 6),
    ],
  });
}

export function letterFirstFooter(): Footer {
  return new Footer({ children: [doubleLine(6, 18)] });
}

/**
 * Under the first double line (7/8 of a 3号 character below it): 份号、密级、
 * 紧急程度 from the left edge, one a line, and the 发文字号 at the right edge
 * of the first line; the title two lines below the last of them.
 */
export function letterTop(flow: Flow, doc: GovDocument): void {
  const left = [doc.copyNo && run(doc.copyNo, "fangsong"), doc.secret && run(doc.secret, "heiti"), doc.urgency && run(doc.urgency, "heiti")].filter((r) => !!r);
  const rows = Math.max(1, left.length);
  const tab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  for (let i = 0; i < rows; i++) {
    const children = [...(left[i] ? [left[i]!] : []), ...(i === 0 && doc.number ? [run("\t", "fangsong"), run(doc.number, "fangsong")] : [])];
    flow.add(para(children, { style: STYLE.free, alignment: LEFT, tabStops: tab }), LINE_PITCH);
  }
  flow.addAll(blank(2, STYLE.free), LINE_PITCH);
}
