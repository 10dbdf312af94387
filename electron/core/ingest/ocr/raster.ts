import { createCanvas, type Canvas } from "@napi-rs/canvas";

/** An RGBA image in memory: what every OCR step takes and gives. */
export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  data: Uint8ClampedArray;
}

/** A rectangle turned by `angle` radians about its centre (boxes of slightly skewed lines). */
export interface RotatedRect {
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
}

export type QuarterTurn = 0 | 90 | 180 | 270;

export function canvasOf(r: Raster): Canvas {
  const c = createCanvas(r.width, r.height);
  const ctx = c.getContext("2d");
  const img = ctx.createImageData(r.width, r.height);
  img.data.set(r.data);
  ctx.putImageData(img, 0, 0);
  return c;
}

export function rasterOf(c: Canvas): Raster {
  const img = c.getContext("2d").getImageData(0, 0, c.width, c.height);
  return { width: c.width, height: c.height, data: img.data };
}

/** A white canvas of the given size: scans and renders are dark on light. */
function whiteCanvas(width: number, height: number): Canvas {
  const c = createCanvas(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
  const ctx = c.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, c.width, c.height);
  return c;
}

/** Turns the image clockwise by a quarter turn multiple. */
export function rotateRaster(r: Raster, turn: QuarterTurn): Raster {
  if (turn === 0) return r;
  const swap = turn === 90 || turn === 270;
  const out = whiteCanvas(swap ? r.height : r.width, swap ? r.width : r.height);
  const ctx = out.getContext("2d");
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((turn * Math.PI) / 180);
  ctx.drawImage(canvasOf(r), -r.width / 2, -r.height / 2);
  return rasterOf(out);
}

/** Scales so that the longer side is at most `maxSide` (never enlarges). */
export function fitRaster(r: Raster, maxSide: number): { raster: Raster; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(r.width, r.height));
  if (scale === 1) return { raster: r, scale };
  return { raster: resizeRaster(r, Math.round(r.width * scale), Math.round(r.height * scale)), scale };
}

export function resizeRaster(r: Raster, width: number, height: number): Raster {
  const out = createCanvas(Math.max(1, width), Math.max(1, height));
  const ctx = out.getContext("2d");
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(canvasOf(r), 0, 0, out.width, out.height);
  return rasterOf(out);
}

/**
 * Cuts a (possibly slightly turned) rectangle out of the image, straightened
 * and scaled to `height` pixels high: a text line ready for recognition.
 */
export function cropLine(source: Canvas, rect: RotatedRect, height: number, maxWidth: number): Raster {
  const scale = height / Math.max(1, rect.h);
  const width = Math.max(1, Math.min(maxWidth, Math.round(rect.w * scale)));
  const out = whiteCanvas(width, height);
  const ctx = out.getContext("2d");
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.scale(width / rect.w, scale);
  ctx.translate(rect.w / 2, rect.h / 2);
  ctx.rotate(-rect.angle);
  ctx.drawImage(source, -rect.cx, -rect.cy);
  return rasterOf(out);
}

/** Axis-aligned bounds of a rotated rectangle. */
export function boundsOf(rect: RotatedRect): { x: number; y: number; w: number; h: number } {
  const c = Math.abs(Math.cos(rect.angle));
  const s = Math.abs(Math.sin(rect.angle));
  const w = rect.w * c + rect.h * s;
  const h = rect.w * s + rect.h * c;
  return { x: rect.cx - w / 2, y: rect.cy - h / 2, w, h };
}
