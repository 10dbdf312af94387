import { readFile } from "node:fs/promises";
import type { Format } from "../extract";
import { loadPdfJs, pdfDocumentOptions } from "../extract/pdf";
import { openImageFile } from "./image-file";
import type { Raster } from "./raster";
import { renderPdfPage } from "./render-pdf";

/** Page images of a document, made one at a time, for OCR. */
export interface PageSource {
  image(page: number): Promise<Raster>;
  close(): Promise<void>;
}

export async function openPageSource(path: string, format: Format): Promise<PageSource> {
  if (format === "image") {
    const doc = await openImageFile(path);
    return { image: (n) => doc.page(n - 1), close: async () => undefined };
  }
  if (format === "ofd") return (await import("./ofd-images")).openOfdImages(path);
  if (format === "docx") return (await import("./docx-images")).openDocxImages(path);
  if (format !== "pdf") throw new Error(`no page images for ${format}`);
  const lib = await loadPdfJs();
  const doc = await lib.getDocument(pdfDocumentOptions(new Uint8Array(await readFile(path)))).promise;
  return {
    image: async (n) => {
      const page = await doc.getPage(n);
      try {
        return await renderPdfPage(page);
      } finally {
        page.cleanup();
      }
    },
    close: () => doc.destroy(),
  };
}
