import { extractDocx } from "../extract/docx";
import { DEFAULT_LIMITS, extractError } from "../extract/limits";
import { openZip } from "../extract/zip";
import { decodeImageBuffer } from "./image-file";
import { canvasOf, rasterOf, type Raster } from "./raster";

/** Gap between two pictures stacked on one page image, pixels. */
const GAP = 24;

/**
 * A DOCX page drawn from its pictures, one under another in document order:
 * for pages with no text whose content is a scan pasted into Word. Pictures
 * are drawn at their own resolution (a scan keeps its dpi).
 */
export async function openDocxImages(path: string): Promise<{ image(page: number): Promise<Raster>; close(): Promise<void> }> {
  const { images } = await extractDocx(path, DEFAULT_LIMITS);
  const zip = await openZip(path, DEFAULT_LIMITS.maxUnzippedBytes);
  return {
    image: async (n) => {
      const parts = images.get(n) ?? [];
      if (!parts.length) throw extractError(`第 ${n} 页没有图片：${path}`);
      const pictures: Raster[] = [];
      for (const part of parts) pictures.push(await decodeImageBuffer(await zip.read(part), `${path}:${part}`));
      const { createCanvas } = await import("@napi-rs/canvas");
      const width = Math.max(...pictures.map((p) => p.width));
      const canvas = createCanvas(width, pictures.reduce((h, p) => h + p.height, 0) + GAP * (pictures.length - 1));
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      let y = 0;
      for (const p of pictures) {
        ctx.drawImage(canvasOf(p), 0, y);
        y += p.height + GAP;
      }
      return rasterOf(canvas);
    },
    close: async () => zip.close(),
  };
}
