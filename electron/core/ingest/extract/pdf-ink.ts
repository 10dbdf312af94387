import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { paintedPath } from "./pdf-geometry";

type PdfJs = typeof PdfJsModule;

/** pdfjs operators that paint an image (a scan is one), looked up by name: not every pdfjs version has all of them. */
const IMAGE_OPS = [
  "paintImageXObject",
  "paintInlineImageXObject",
  "paintInlineImageXObjectGroup",
  "paintImageXObjectRepeat",
  "paintImageMaskXObject",
  "paintImageMaskXObjectGroup",
  "paintImageMaskXObjectRepeat",
  "paintSolidColorImageMask",
] as const;

/** Operators that show text: glyphs drawn where the text layer has nothing usable (a font mapping them to nothing). */
const TEXT_OPS = ["showText", "showSpacedText", "nextLineShowText", "nextLineSetSpacingShowText"] as const;

/**
 * Path data (numbers in pdfjs's path buffers) from which a page is taken to
 * be a drawing of text (text turned into outlines: every glyph its curves,
 * thousands of numbers a page). A rule, a frame or a table's grid stays far
 * below it.
 */
export const OUTLINED_TEXT_PATH_DATA = 2000;

interface OperatorPage {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}

/**
 * Whether a page without a usable text layer has anything OCR could read: an
 * image (a scan), glyphs whose font maps them to nothing usable, or a
 * drawing of text. A page with none of these is blank (a page break left
 * before the 版记, the back of a sheet): OCR would spend seconds on it and
 * find nothing, and calling it a scan would mislead.
 */
export async function hasInkToRead(lib: PdfJs, page: OperatorPage): Promise<boolean> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const ops = lib.OPS as Record<string, number | undefined>;
  const opSet = (names: readonly string[]): Set<number> => new Set(names.map((k) => ops[k]).filter((v): v is number => v !== undefined));
  const images = opSet(IMAGE_OPS);
  const text = opSet(TEXT_OPS);
  let pathData = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    if (images.has(fn)) return true;
    if (text.has(fn) && showsGlyphs(argsArray[i]?.[0])) return true;
    if (fn !== lib.OPS.constructPath) continue;
    pathData += paintedPath(lib.OPS, argsArray[i] ?? [])?.data.length ?? 0;
    if (pathData >= OUTLINED_TEXT_PATH_DATA) return true;
  }
  return false;
}

/** A text operator's glyph list holds a glyph other than a space (numbers in it are spacing adjustments). */
function showsGlyphs(glyphs: unknown): boolean {
  if (!Array.isArray(glyphs)) return false;
  return glyphs.some((g) => g !== null && typeof g === "object" && !(g as { isSpace?: boolean }).isSpace);
}
