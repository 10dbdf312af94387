import { BorderStyle, Paragraph, TabStopType } from "docx";
import type { GovDocument } from "../document";
import { charWidth, type Flow } from "./flow";
import { CHAR, LINE_PITCH, mm, RED, SIZE, TEXT_WIDTH } from "./geometry";
import { blank, CENTER, LEFT, para, run } from "./parts";
import { STYLE } from "./styles";

/**
 * 版头 (GB/T 9704-2012 §7.2) of the 文件, 命令 and 纪要 formats; the 信函
 * format's is in letter.ts. All of it is set with exact line heights off the
 * grid, so the positions below hold in Word, WPS and LibreOffice alike.
 */

/** 份号, 密级和保密期限, 紧急程度: one line each from the top-left, in that order (§7.2.1-7.2.2). */
export function topLeftRows(doc: GovDocument): Paragraph[] {
  const rows: Paragraph[] = [];
  if (doc.copyNo) rows.push(para([run(doc.copyNo, "fangsong")], { style: STYLE.free }));
  if (doc.secret) rows.push(para([run(doc.secret, "heiti")], { style: STYLE.free }));
  if (doc.urgency) rows.push(para([run(doc.urgency, "heiti")], { style: STYLE.free }));
  return rows;
}

/**
 * The 发文机关标志 size: 小初 (36 pt), narrowed (w:w) when the name would be
 * wider than the 版心 — §7.2.3 leaves the size to the issuer "以醒目、美观、
 * 庄重为原则"; 22 mm × 15 mm a character at most.
 */
export function markStyle(mark: string): { size: number; scale: number } {
  const size = SIZE.小初;
  const width = charWidth(mark) * size * 10;
  const room = TEXT_WIDTH * 0.96;
  return { size, scale: width > room ? Math.max(50, Math.floor((room / width) * 100)) : 100 };
}

/**
 * LibreOffice and Word set a glyph of an exact-height line about this far
 * above the line's top (measured: a 36 pt line of a CJK face, em box from
 * the baseline); the mark's line starts this much lower so that the
 * characters' top edge is where §7.2.3 puts it.
 */
const MARK_OVERHANG = 48;

function markParagraph(text: string, topFromTextTop: number, used: number): { p: Paragraph; height: number } {
  const { size, scale } = markStyle(text);
  const line = size * 10;
  const before = Math.max(0, topFromTextTop + MARK_OVERHANG - used);
  return { p: para([run(text, "xiaobiaosong", { size, color: RED, scale })], { style: STYLE.free, alignment: CENTER, line, before }), height: before + line };
}

/**
 * The red 分隔线 under the 发文字号 (§7.2.6: 4 mm below it), drawn as the
 * bottom border of a thin spacer line. A 3号 glyph's lower edge is about 9 mm
 * below the top of its exact-height line (measured in LibreOffice).
 */
export const RED_LINE_GAP = mm(4) - (LINE_PITCH - mm(9));
export function redLine(): Paragraph {
  return new Paragraph({
    style: STYLE.free,
    spacing: { line: RED_LINE_GAP, lineRule: "exact", before: 0, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: RED, space: 0 } },
    children: [],
  });
}

/**
 * 发文字号 and 签发人 (§7.2.4-7.2.5). 下行文: the number centred. 上行文:
 * "签发人：" + names (楷体) right with one character of indent, two names a
 * line; the number left with one character of indent on the last signer line.
 */
export function numberRows(doc: GovDocument): Paragraph[] {
  const number = doc.number ? [run(doc.number, "fangsong")] : [];
  if (doc.signers.length === 0) return number.length ? [para(number, { style: STYLE.free, alignment: CENTER })] : [];
  const lines: string[][] = [];
  for (let i = 0; i < doc.signers.length; i += 2) lines.push(doc.signers.slice(i, i + 2));
  const tab = { type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR };
  return lines.map((names, i) => {
    const label = i === 0 ? "签发人：" : "　".repeat(4);
    const signer = [run(label, "fangsong"), run(names.join("　"), "kaiti")];
    const last = i === lines.length - 1;
    const children = last && number.length ? [...number, run("\t", "fangsong"), ...signer] : [run("\t", "fangsong"), ...signer];
    return para(children, { style: STYLE.free, alignment: LEFT, indent: { left: CHAR }, tabStops: [tab] });
  });
}

/** The 版头 of the 文件 and 纪要 formats: mark 35 mm below the 版心 top, number two lines below, red line, two lines before the title. */
export function fileHeader(flow: Flow, doc: GovDocument): void {
  const rows = topLeftRows(doc);
  const top = blank(3 - rows.length, STYLE.free);
  flow.addAll([...rows, ...top], LINE_PITCH);
  const mark = markParagraph(doc.mark, mm(35), 3 * LINE_PITCH);
  flow.add(mark.p, mark.height);
  flow.addAll(blank(2, STYLE.free), LINE_PITCH);
  const numbers = numberRows(doc);
  flow.addAll(numbers.length ? numbers : blank(1, STYLE.free), LINE_PITCH);
  flow.add(redLine(), RED_LINE_GAP + 20);
  flow.addAll(blank(2, STYLE.free), LINE_PITCH);
}

/** 命令（令）格式 (§10.2): mark 20 mm below the 版心 top, 令号 two lines below it, the text two lines below that. */
export function orderHeader(flow: Flow, doc: GovDocument): void {
  const rows = topLeftRows(doc);
  flow.addAll(rows, LINE_PITCH);
  const mark = markParagraph(doc.mark, mm(20), rows.length * LINE_PITCH);
  flow.add(mark.p, mark.height);
  flow.addAll(blank(2, STYLE.free), LINE_PITCH);
  if (doc.number) flow.add(para([run(doc.number, "fangsong")], { style: STYLE.free, alignment: CENTER }), LINE_PITCH);
  flow.addAll(blank(2, STYLE.free), LINE_PITCH);
}
