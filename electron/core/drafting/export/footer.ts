import { Footer, PageNumber, Paragraph, TextRun } from "docx";
import { CHAR_4, FONT, mm, PAGE, MARGIN, SIZE } from "./geometry";
import { LEFT, RIGHT } from "./parts";
import { STYLE } from "./styles";

/**
 * 页码 (GB/T 9704-2012 §7.5): 4号半角宋体 Arabic numerals between two 一字线,
 * "— 1 —", the 一字线 7 mm below the 版心; odd pages right with one
 * character of indent, even pages left with one.
 */
export const FOOTER_LINE = 400;
/**
 * The footer's lower edge is 20 mm above the page's (where the 信函 format's
 * lower double line goes); the page number's line is lifted by the space
 * after it so that its 一字线 — the em dash, about 0.38 em above the
 * baseline of a CJK face, the baseline about 0.8 of an exact line down — is
 * 7 mm below the 版心. Word and LibreOffice both stack footer content on
 * the footer's lower edge.
 */
export const FOOTER_DISTANCE = mm(20);
const DASH_FROM_LINE_TOP = Math.round(FOOTER_LINE * 0.8 - SIZE.四号 * 10 * 0.38);
const LINE_TOP = PAGE.height - MARGIN.bottom + mm(7) - DASH_FROM_LINE_TOP;
export const FOOTER_AFTER = PAGE.height - FOOTER_DISTANCE - LINE_TOP - FOOTER_LINE;

export function pageNumberFooter(side: "odd" | "even"): Footer {
  const font = FONT.songti;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === "odd" ? RIGHT : LEFT,
        indent: side === "odd" ? { right: CHAR_4 } : { left: CHAR_4 },
        spacing: { line: FOOTER_LINE, lineRule: "exact", before: 0, after: FOOTER_AFTER },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size: SIZE.四号, sizeComplexScript: SIZE.四号 })],
      }),
    ],
  });
}
