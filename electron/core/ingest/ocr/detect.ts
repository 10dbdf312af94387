import type { InferenceSession } from "onnxruntime-node";
import { fitRaster, resizeRaster, type Raster, type RotatedRect } from "./raster";

/** Detection tuning (PaddleOCR's DB post-processing defaults, long side sized for A4 pages). */
export interface DetectOptions {
  /** Longest side the page is scaled to before detection (multiple of 32). */
  maxSide: number;
  /** Pixel probability above which a pixel is text. */
  threshold: number;
  /** Mean probability a region needs to count as a text line. */
  boxThreshold: number;
  /** How far a shrunk DB region is grown back (PaddleOCR's unclip_ratio). */
  unclipRatio: number;
}

export const DETECT_DEFAULTS: DetectOptions = { maxSide: 1600, threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6 };

/** A detected text region in page pixels; `score` is its mean text probability. */
export interface TextRegion extends RotatedRect {
  score: number;
}

// ImageNet mean/std in the B, G, R order PaddleOCR's detector was trained with.
const MEAN = [0.406, 0.456, 0.485];
const STD = [0.225, 0.224, 0.229];

function toTensorData(r: Raster): Float32Array {
  const n = r.width * r.height;
  const out = new Float32Array(3 * n);
  const d = r.data;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    out[i] = (d[o + 2]! / 255 - MEAN[0]!) / STD[0]!;
    out[n + i] = (d[o + 1]! / 255 - MEAN[1]!) / STD[1]!;
    out[2 * n + i] = (d[o]! / 255 - MEAN[2]!) / STD[2]!;
  }
  return out;
}

/** Runs the DB text detector over a page image and returns its text regions in page pixels. */
export async function detectText(session: InferenceSession, page: Raster, opts: DetectOptions = DETECT_DEFAULTS): Promise<TextRegion[]> {
  const { Tensor } = await import("onnxruntime-node");
  const fitted = fitRaster(page, opts.maxSide).raster;
  const w = Math.max(32, Math.round(fitted.width / 32) * 32);
  const h = Math.max(32, Math.round(fitted.height / 32) * 32);
  const input = resizeRaster(fitted, w, h);
  const feeds = { [session.inputNames[0]!]: new Tensor("float32", toTensorData(input), [1, 3, h, w]) };
  const out = await session.run(feeds);
  const prob = out[session.outputNames[0]!]!.data as Float32Array;
  return regionsFromProbability(prob, w, h, page.width / w, page.height / h, opts);
}

/**
 * DB post-processing: connected regions of the thresholded probability map,
 * each turned into the rectangle along its main axis (principal components of
 * its pixels, so slightly skewed lines stay tight), grown by the unclip
 * distance and scaled back to page pixels.
 */
export function regionsFromProbability(prob: Float32Array, w: number, h: number, sx: number, sy: number, opts: DetectOptions): TextRegion[] {
  const label = new Int32Array(w * h);
  const regions: TextRegion[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || prob[start]! <= opts.threshold) continue;
    next++;
    label[start] = next;
    stack.push(start);
    const pixels: number[] = [];
    let sum = 0;
    while (stack.length) {
      const p = stack.pop()!;
      pixels.push(p);
      sum += prob[p]!;
      const x = p % w;
      const y = (p - x) / w;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q >= 0 && label[q] === 0 && prob[q]! > opts.threshold) {
          label[q] = next;
          stack.push(q);
        }
      }
    }
    if (pixels.length < 6 || sum / pixels.length < opts.boxThreshold) continue;
    const rect = principalRect(pixels, w, sx, sy);
    if (Math.min(rect.w, rect.h) < 2 * Math.min(sx, sy)) continue;
    const d = (rect.w * rect.h * opts.unclipRatio) / (2 * (rect.w + rect.h));
    regions.push({ ...rect, w: rect.w + 2 * d, h: rect.h + 2 * d, score: sum / pixels.length });
  }
  return regions;
}

/** Rectangle of a pixel set along its principal axis, in page pixels (pixel centres scaled by sx, sy). */
function principalRect(pixels: number[], w: number, sx: number, sy: number): RotatedRect {
  let mx = 0;
  let my = 0;
  for (const p of pixels) {
    mx += ((p % w) + 0.5) * sx;
    my += (Math.floor(p / w) + 0.5) * sy;
  }
  mx /= pixels.length;
  my /= pixels.length;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const p of pixels) {
    const dx = ((p % w) + 0.5) * sx - mx;
    const dy = (Math.floor(p / w) + 0.5) * sy - my;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  let angle = 0.5 * Math.atan2(2 * xy, xx - yy);
  // Lines run along the page's axes, give or take a skew: an axis far from both means a blob
  // (a character or two, a seal), for which the plain bounding box is the better crop.
  if (Math.abs(Math.sin(2 * angle)) > Math.sin((2 * 15 * Math.PI) / 180)) angle = 0;
  // One convention for every region: angle in [-45°, 135°), so a line's two reading directions are angle and angle + π.
  if (angle < -Math.PI / 4) angle += Math.PI;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of pixels) {
    const dx = ((p % w) + 0.5) * sx - mx;
    const dy = (Math.floor(p / w) + 0.5) * sy - my;
    const u = dx * c + dy * s;
    const v = -dx * s + dy * c;
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
    x0 = Math.min(x0, dx);
    x1 = Math.max(x1, dx);
    y0 = Math.min(y0, dy);
    y1 = Math.max(y1, dy);
  }
  // Pixel extents: one detector pixel wide at each end.
  const uw = u1 - u0 + sx;
  const vh = v1 - v0 + sy;
  // A short region (a character or two) has no reliable axis: keep it upright as drawn.
  if (Math.max(uw, vh) < 1.5 * Math.min(uw, vh)) return { cx: mx + (x0 + x1) / 2, cy: my + (y0 + y1) / 2, w: x1 - x0 + sx, h: y1 - y0 + sy, angle: 0 };
  const uc = (u0 + u1) / 2;
  const vc = (v0 + v1) / 2;
  return { cx: mx + uc * c - vc * s, cy: my + uc * s + vc * c, w: uw, h: vh, angle };
}
