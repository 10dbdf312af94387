import type { Raster } from "./raster";

function isRed(d: Uint8ClampedArray, o: number): boolean {
  const r = d[o]!;
  return r > 110 && r - d[o + 1]! > 50 && r - d[o + 2]! > 50;
}

/**
 * Whitens red seals (公章): a red connected shape (the ring, or an arc of it)
 * larger than any character and not a thin rule, with everything red inside
 * the square the ring fills (the star, the organ's name on the ring). A seal stamped over the
 * signature and date otherwise fuses those lines into one unreadable region.
 * Red text (the 红头 organ header, rules) is left alone: its characters are
 * separate, smaller shapes. Returns the same raster when there is no seal.
 */
export function suppressSeals(page: Raster): Raster {
  const { width: w, height: h, data } = page;
  const minSide = Math.min(w, h) * 0.12;
  const label = new Int32Array(w * h);
  const seals: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || !isRed(data, start * 4)) continue;
    label[start] = ++next;
    stack.push(start);
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // 8-connected, so a ring printed with gaps of a pixel still counts as one shape.
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const q = ny * w + nx;
          if (label[q] === 0 && isRed(data, q * 4)) {
            label[q] = next;
            stack.push(q);
          }
        }
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    // Larger than a character and not a rule. Black text across a ring cuts it into arcs: an arc's
    // box is grown to the square the whole ring would fill, up and down.
    if (Math.max(bw, bh) >= minSide && Math.min(bw, bh) >= 0.2 * Math.max(bw, bh)) {
      const grow = Math.max(0, bw - bh);
      seals.push({ x0, y0: Math.max(0, y0 - grow), x1, y1: Math.min(h - 1, y1 + grow) });
    }
  }
  if (!seals.length) return page;
  const out = new Uint8ClampedArray(data);
  for (const s of seals) {
    for (let y = s.y0; y <= s.y1; y++) {
      for (let x = s.x0; x <= s.x1; x++) {
        const o = (y * w + x) * 4;
        if (isRed(out, o)) out[o] = out[o + 1] = out[o + 2] = 255;
      }
    }
  }
  return { width: w, height: h, data: out };
}
