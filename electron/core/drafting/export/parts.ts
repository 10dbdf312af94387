import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from "docx";
import { BODY_CHAR_SPACING, FONT, LINE_PITCH, SIZE, type FontRole } from "./geometry";
import { STYLE } from "./styles";

/**
 * Small builders shared by the parts of the page. Every run carries its
 * typeface and size directly (what the XML read-back test checks); the
 * styles only add what docx cannot express on a paragraph.
 */
export interface RunStyle {
  size?: number;
  color?: string;
  /** Horizontal scale (w:w), percent. */
  scale?: number;
  /** Character spacing in twips; body text (3号) is condensed by default. */
  spacing?: number;
}

export function run(text: string, role: FontRole, options: RunStyle = {}): TextRun {
  const size = options.size ?? SIZE.三号;
  const font = FONT[role];
  return new TextRun({
    text,
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
    size,
    sizeComplexScript: size,
    characterSpacing: options.spacing ?? (size === SIZE.三号 ? BODY_CHAR_SPACING : 0),
    ...(options.color ? { color: options.color } : {}),
    ...(options.scale && options.scale !== 100 ? { scale: options.scale } : {}),
  });
}

/** A paragraph whose lines are exactly `line` twips (one grid line by default). */
export function para(children: ParagraphChild[], options: Omit<IParagraphOptions, "children"> & { line?: number; before?: number } = {}): Paragraph {
  const { line, before, ...rest } = options;
  return new Paragraph({
    style: STYLE.normal,
    ...rest,
    spacing: { line: line ?? LINE_PITCH, lineRule: "exact", before: before ?? 0, after: 0 },
    children,
  });
}

/** Empty grid lines (GB/T 9704's 空一行, 空二行). */
export function blank(count: number, style: string = STYLE.normal, line = LINE_PITCH): Paragraph[] {
  return Array.from({ length: count }, () => new Paragraph({ style, spacing: { line, lineRule: "exact", before: 0, after: 0 }, children: [] }));
}

export const CENTER = AlignmentType.CENTER;
export const RIGHT = AlignmentType.RIGHT;
export const LEFT = AlignmentType.LEFT;
export const BOTH = AlignmentType.BOTH;
