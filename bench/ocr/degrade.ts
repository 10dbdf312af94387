import { createCanvas, loadImage } from "@napi-rs/canvas";
import { canvasOf, rasterOf, rotateRaster, type QuarterTurn, type Raster } from "../../electron/core/ingest/ocr/raster";

/** mulberry32: the same noise on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A page as a poor scan would give it: turned a quarter turn (or not),
 * skewed by a degree or two, grey noise and speckle, then JPEG-compressed.
 */
export async function degrade(page: Raster, seed: number, turn: QuarterTurn): Promise<Raster> {
  const rnd = random(seed);
  const skew = ((rnd() * 2 - 1) * 2 * Math.PI) / 180;
  const src = canvasOf(page);
  const out = createCanvas(page.width, page.height);
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.translate(page.width / 2, page.height / 2);
  ctx.rotate(skew);
  ctx.drawImage(src, -page.width / 2, -page.height / 2);
  const r = rasterOf(out);
  const d = r.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rnd() + rnd() + rnd() - 1.5) * 40;
    const speck = rnd() < 0.002 ? (rnd() < 0.5 ? -255 : 255) : 0;
    for (let c = 0; c < 3; c++) d[i + c] = d[i + c]! + n + speck;
  }
  const jpeg = await canvasOf(rotateRaster(r, turn)).encode("jpeg", 60);
  const img = await loadImage(jpeg);
  const back = createCanvas(img.width, img.height);
  back.getContext("2d").drawImage(img, 0, 0);
  return rasterOf(back);
}
