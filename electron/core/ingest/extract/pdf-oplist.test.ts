import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdfPage } from "../ocr/render-pdf";
import { tempDir } from "../../testing/temp-dir";
import { writePlacedPdf, type PlacedText } from "../testing/fixtures";
import { loadPdfJs, pdfDocumentOptions } from "./pdf";
import { pageRulings } from "./pdf-geometry";

/**
 * patches/pdfjs-dist+5.6.205.patch: an operator list asked for with
 * page.getOperatorList() (the rulings of a table-like page) no longer
 * builds an outline of every glyph its text draws. Those outlines are for
 * painting with `disableFontFace` (how pdfjs runs in Node); the rulings pass
 * never paints, and building them made it cost twice the page's text. A
 * render of the same document must still draw the text.
 */
let dir: string;
let cleanup: () => void;
let path: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  path = join(dir, "table.pdf");
  const cells: PlacedText[] = [
    { text: "序号", x: 70, y: 120 },
    { text: "事项名称", x: 170, y: 120 },
    { text: "1", x: 70, y: 150 },
    { text: "积分入户申请受理", x: 170, y: 150 },
  ];
  const rules = [100, 135, 165].map((y) => ({ x0: 60, y0: y, x1: 500, y1: y }));
  rules.push(...[60, 160, 500].map((x) => ({ x0: x, y0: 100, x1: x, y1: 165 })));
  await writePlacedPdf(path, [{ items: cells, rules }]);
});
afterAll(() => cleanup());

async function open(): Promise<PDFDocumentProxy> {
  const lib = await loadPdfJs();
  return lib.getDocument(pdfDocumentOptions(new Uint8Array(await readFile(path)))).promise;
}

/** Glyph outlines pdfjs has sent to the page's side ("<font>_path_<glyph>"). */
function glyphOutlines(page: PDFPageProxy): string[] {
  const objs = (page as unknown as { commonObjs: Iterable<[string, unknown]> }).commonObjs;
  return [...objs].map(([id]) => id).filter((id) => id.includes("_path_"));
}

/** Dark pixels of the rendered page (scale 150/72) in a rectangle given in points from the top left. */
function darkPixels(img: { width: number; data: Uint8ClampedArray }, x0: number, y0: number, x1: number, y1: number): number {
  const s = 150 / 72;
  let n = 0;
  for (let y = Math.ceil(y0 * s); y < Math.floor(y1 * s); y++) {
    for (let x = Math.ceil(x0 * s); x < Math.floor(x1 * s); x++) if (img.data[(y * img.width + x) * 4]! < 128) n++;
  }
  return n;
}

describe("operator lists without glyph outlines (patched pdfjs-dist)", () => {
  it("reads the rulings of a table page without outlining its glyphs", async () => {
    const lib = await loadPdfJs();
    const doc = await open();
    try {
      const page = await doc.getPage(1);
      const rulings = await pageRulings(lib, page, page.getViewport({ scale: 1 }));
      expect(rulings.filter((r) => r.x0 === r.x1).length).toBeGreaterThanOrEqual(3);
      expect(rulings.filter((r) => r.y0 === r.y1).length).toBeGreaterThanOrEqual(3);
      const ops = await page.getOperatorList();
      expect(ops.fnArray).toContain(lib.OPS.showText);
      expect(glyphOutlines(page)).toEqual([]);
    } finally {
      await doc.destroy();
    }
  });

  it("still draws the text when the same document is rendered after its operator list was read", async () => {
    const render = async (readOpsFirst: boolean): Promise<number> => {
      const doc = await open();
      try {
        const page = await doc.getPage(1);
        if (readOpsFirst) await page.getOperatorList();
        // The first row's second cell, inside its rulings: only the text (事项名称) is dark there.
        return darkPixels(await renderPdfPage(page), 163, 103, 497, 132);
      } finally {
        await doc.destroy();
      }
    };
    const fresh = await render(false);
    expect(fresh).toBeGreaterThan(50);
    expect(await render(true)).toBe(fresh);
  });
});
