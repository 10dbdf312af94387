import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Raster } from "./raster";

/** Resolution pages are rendered at for OCR: the measured sweet spot for 公文 body text (see README). */
export const OCR_DPI = 150;

/**
 * Renders a PDF page to pixels with pdfjs-dist's own Node canvas
 * (@napi-rs/canvas, prebuilt for Windows, macOS and Linux). The page's
 * /Rotate is applied by the viewport, so the image is as the page is shown.
 * Pages larger than `maxSide` pixels (posters, A0 drawings) are rendered smaller.
 */
export async function renderPdfPage(page: PDFPageProxy, dpi = OCR_DPI, maxSide = 4000): Promise<Raster> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, maxSide / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import("@napi-rs/canvas");
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data: img.data };
}
