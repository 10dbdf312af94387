import type { KbPreview } from "../../../../electron/common/contracts/knowledge";
import { passageRanges } from "../highlight";

export type OcrLayout = NonNullable<KbPreview["ocr"]>;

/** A box as fractions of the drawn page: left, top, width, height. */
export type FractionBox = [number, number, number, number];

/**
 * Where a cited passage is on a scanned page, from the boxes OCR stored: one
 * box per line the passage touches, cut to the characters it covers (lines
 * read left to right). OCR's boxes are of the upright page, the scan turned
 * clockwise by `rotation`; the page is drawn as the file has it, so each box
 * is turned back.
 */
export function ocrPassageBoxes(ocr: OcrLayout, passage: string): FractionBox[] {
  const ranges = passageRanges(
    ocr.lines.map((l) => l.text),
    passage,
  );
  return ranges.map(({ piece, from, to }) => {
    const line = ocr.lines[piece]!;
    const [x, y, w, h] = line.box;
    const len = Math.max(1, line.text.length);
    return unturn([x + (w * from) / len, y, (w * (to - from)) / len, h], ocr.rotation);
  });
}

/** An upright-page box on the page as drawn (the inverse of turning it clockwise by `rotation`). */
export function unturn([x, y, w, h]: FractionBox, rotation: number): FractionBox {
  const turn = ((rotation % 360) + 360) % 360;
  if (turn === 90) return [y, 1 - x - w, h, w];
  if (turn === 180) return [1 - x - w, 1 - y - h, w, h];
  if (turn === 270) return [1 - y - h, x, h, w];
  return [x, y, w, h];
}
