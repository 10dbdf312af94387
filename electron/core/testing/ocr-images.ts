import { createCanvas } from "@napi-rs/canvas";
import type { Raster } from "../ingest/ocr/raster";

/** Noto CJK (Debian's fonts-noto-cjk, installed by .ci/run) draws the Chinese test text. */
export const CJK_FONT = "'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Serif CJK SC', sans-serif";

/**
 * A page image with the given lines drawn in black on white, as a 150 dpi
 * scan of 四号-sized text would look (≈ 30 px characters), left aligned.
 */
export function textPage(lines: string[], opts: { width?: number; size?: number; margin?: number } = {}): Raster {
  const size = opts.size ?? 30;
  const margin = opts.margin ?? 60;
  const width = opts.width ?? 1000;
  const height = margin * 2 + lines.length * size * 1.8;
  const c = createCanvas(width, Math.round(height));
  const ctx = c.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.fillStyle = "#000000";
  ctx.font = `${size}px ${CJK_FONT}`;
  ctx.textBaseline = "top";
  lines.forEach((l, i) => ctx.fillText(l, margin, margin + i * size * 1.8));
  return { width: c.width, height: c.height, data: ctx.getImageData(0, 0, c.width, c.height).data };
}

export async function encodePng(r: Raster): Promise<Buffer> {
  const c = createCanvas(r.width, r.height);
  const ctx = c.getContext("2d");
  const img = ctx.createImageData(r.width, r.height);
  img.data.set(r.data);
  ctx.putImageData(img, 0, 0);
  return Buffer.from(await c.encode("png"));
}

export async function encodeJpeg(r: Raster, quality = 85): Promise<Buffer> {
  const c = createCanvas(r.width, r.height);
  const ctx = c.getContext("2d");
  const img = ctx.createImageData(r.width, r.height);
  img.data.set(r.data);
  ctx.putImageData(img, 0, 0);
  return Buffer.from(await c.encode("jpeg", quality));
}

/** A 24-bit uncompressed Windows bitmap (what old scanner software writes). */
export function encodeBmp(r: Raster): Buffer {
  const row = Math.ceil((r.width * 3) / 4) * 4;
  const buf = Buffer.alloc(54 + row * r.height);
  buf.write("BM", 0, "ascii");
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(r.width, 18);
  buf.writeInt32LE(r.height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  buf.writeUInt32LE(row * r.height, 34);
  for (let y = 0; y < r.height; y++) {
    const o = 54 + (r.height - 1 - y) * row;
    for (let x = 0; x < r.width; x++) {
      const s = (y * r.width + x) * 4;
      buf[o + x * 3] = r.data[s + 2]!;
      buf[o + x * 3 + 1] = r.data[s + 1]!;
      buf[o + x * 3 + 2] = r.data[s]!;
    }
  }
  return buf;
}

/** A multi-page TIFF (little-endian, uncompressed 8-bit greyscale, one directory per page). */
export function encodeTiff(pages: Raster[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0])];
  let offset = 8;
  let prevNext = 4; // where the previous "next directory" offset is written
  const fixups: { at: number; value: number }[] = [];
  for (const r of pages) {
    const pixels = Buffer.alloc(r.width * r.height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(0.299 * r.data[i * 4]! + 0.587 * r.data[i * 4 + 1]! + 0.114 * r.data[i * 4 + 2]!);
    const dataAt = offset;
    parts.push(pixels);
    offset += pixels.length + (pixels.length % 2);
    if (pixels.length % 2) parts.push(Buffer.alloc(1));
    const tags: [number, number, number][] = [
      [256, 4, r.width], [257, 4, r.height], [258, 3, 8], [259, 3, 1], [262, 3, 1],
      [273, 4, dataAt], [277, 3, 1], [278, 4, r.height], [279, 4, pixels.length],
    ];
    const ifd = Buffer.alloc(2 + tags.length * 12 + 4);
    ifd.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, value], i) => {
      const o = 2 + i * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(type, o + 2);
      ifd.writeUInt32LE(1, o + 4);
      if (type === 3) ifd.writeUInt16LE(value, o + 8);
      else ifd.writeUInt32LE(value, o + 8);
    });
    fixups.push({ at: prevNext, value: offset });
    prevNext = offset + 2 + tags.length * 12;
    parts.push(ifd);
    offset += ifd.length;
  }
  const out = Buffer.concat(parts);
  for (const f of fixups) out.writeUInt32LE(f.value, f.at);
  return out;
}
