import { readFile } from "node:fs/promises";
import { extractError } from "../extract/limits";
import { fitRaster, type Raster } from "./raster";

/** Longest side an image page is read at: an A4 scan at about 200 dpi, plenty for body text. */
export const IMAGE_MAX_SIDE = 2400;
/** Images with more pixels than this are refused (a decompression bomb, or a poster scan). */
export const IMAGE_MAX_PIXELS = 120_000_000;

function isTiff(b: Buffer): boolean {
  return (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a);
}

function checkSize(width: number, height: number, path: string): void {
  if (!(width > 0 && height > 0)) throw extractError(`图片已损坏或无法识别：${path}`);
  if (width * height > IMAGE_MAX_PIXELS) throw extractError(`图片尺寸过大（${width}×${height} 像素），未读取：${path}。请缩小后再添加。`);
}

/** An image file as a document: its page count, and each page decoded on demand (a 200-page TIFF never sits in memory whole). */
export interface ImageDocument {
  count: number;
  page(index: number): Promise<Raster>;
}

/**
 * Opens an image file as pages, each scaled to at most IMAGE_MAX_SIDE: JPEG,
 * PNG, BMP, GIF and WebP are one page (decoded by Skia through
 * @napi-rs/canvas); a TIFF may hold many (decoded by UTIF, including the
 * CCITT fax compressions scanners use).
 */
export async function openImageFile(path: string): Promise<ImageDocument> {
  return openImageBuffer(await readFile(path), path);
}

/** The same for image bytes held in memory (`name` is what messages call it). */
export async function openImageBuffer(buf: Buffer, name: string): Promise<ImageDocument> {
  if (isTiff(buf)) return openTiff(buf, name);
  const raster = await decodeSingle(buf, name);
  return { count: 1, page: async () => raster };
}

/** The first page of image bytes (a picture embedded in an OFD page). */
export async function decodeImageBuffer(buf: Buffer, name: string): Promise<Raster> {
  return (await openImageBuffer(buf, name)).page(0);
}

async function decodeSingle(buf: Buffer, path: string): Promise<Raster> {
  const { Image, createCanvas } = await import("@napi-rs/canvas");
  const img = new Image();
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = (e) => reject(e);
      img.src = buf;
    });
  } catch (e) {
    throw extractError(`图片已损坏或格式不受支持：${path}`, String(e));
  }
  checkSize(img.width, img.height, path);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(img, 0, 0);
  return fitRaster({ width: c.width, height: c.height, data: ctx.getImageData(0, 0, c.width, c.height).data }, IMAGE_MAX_SIDE).raster;
}

async function openTiff(buf: Buffer, path: string): Promise<ImageDocument> {
  const UTIF = (await import("utif2")).default;
  let ifds: ReturnType<typeof UTIF.decode>;
  try {
    ifds = UTIF.decode(buf);
  } catch (e) {
    throw extractError(`TIFF 图片已损坏：${path}`, String(e));
  }
  // Pages are the directories that hold an image; reduced-resolution copies (thumbnails) set bit 0 of tag 254.
  const pages = ifds.filter((ifd) => ifd["t256"] && ifd["t257"] && !(Number((ifd["t254"] as number[] | undefined)?.[0] ?? 0) & 1));
  if (!pages.length) throw extractError(`TIFF 文件中没有图像：${path}`);
  return {
    count: pages.length,
    page: async (i) => {
      const ifd = pages[i]!;
      checkSize(Number((ifd["t256"] as number[])[0]), Number((ifd["t257"] as number[])[0]), path);
      try {
        UTIF.decodeImage(buf, ifd);
      } catch (e) {
        throw extractError(`TIFF 图片第 ${i + 1} 页无法解码：${path}`, String(e));
      }
      const rgba = UTIF.toRGBA8(ifd);
      const raster = fitRaster({ width: ifd.width, height: ifd.height, data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength) }, IMAGE_MAX_SIDE).raster;
      // The decoded pixels stay on the directory otherwise.
      (ifd as { data?: unknown }).data = undefined;
      return raster;
    },
  };
}
