import type { InferenceSession } from "onnxruntime-node";
import { RpcError } from "../../../common/rpc/wire";
import type { Raster } from "./raster";

/** The recogniser's input height (PP-OCRv4 rec) and the widest line image it gets. */
export const REC_HEIGHT = 48;
export const REC_MAX_WIDTH = 3200;
const BATCH = 6;

export interface Recognised {
  text: string;
  /** Mean probability of the characters read (0 when nothing was read). */
  confidence: number;
}

/** Line images (REC_HEIGHT high) to text, in batches of similar width; results in input order. */
export async function recognise(session: InferenceSession, charset: string[], lines: Raster[], signal?: AbortSignal): Promise<Recognised[]> {
  const { Tensor } = await import("onnxruntime-node");
  const order = lines.map((l, i) => ({ i, w: l.width })).sort((a, b) => a.w - b.w);
  const results: Recognised[] = new Array(lines.length);
  for (let b = 0; b < order.length; b += BATCH) {
    if (signal?.aborted) throw new RpcError("CANCELLED", "已取消");
    const batch = order.slice(b, b + BATCH);
    const width = Math.max(REC_HEIGHT, ...batch.map((x) => x.w));
    const data = new Float32Array(batch.length * 3 * REC_HEIGHT * width);
    batch.forEach((x, k) => fillNormalised(data, k, lines[x.i]!, width));
    const feeds = { [session.inputNames[0]!]: new Tensor("float32", data, [batch.length, 3, REC_HEIGHT, width]) };
    const out = (await session.run(feeds))[session.outputNames[0]!]!;
    const [, steps, classes] = out.dims as [number, number, number];
    const probs = out.data as Float32Array;
    batch.forEach((x, k) => (results[x.i] = ctcDecode(probs, k * steps * classes, steps, classes, charset)));
  }
  return results;
}

/** (v/255 − 0.5)/0.5 in B, G, R planes; the padding right of a short line stays 0 (mid grey), as in training. */
function fillNormalised(data: Float32Array, k: number, r: Raster, width: number): void {
  const plane = REC_HEIGHT * width;
  const base = k * 3 * plane;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const o = (y * r.width + x) * 4;
      const t = y * width + x;
      data[base + t] = r.data[o + 2]! / 127.5 - 1;
      data[base + plane + t] = r.data[o + 1]! / 127.5 - 1;
      data[base + 2 * plane + t] = r.data[o]! / 127.5 - 1;
    }
  }
}

/** Greedy CTC: best class per step, repeats merged, blanks dropped; confidence = mean kept probability. */
export function ctcDecode(probs: Float32Array, offset: number, steps: number, classes: number, charset: string[]): Recognised {
  let text = "";
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      text += charset[best] ?? "";
      sum += bestP;
      kept++;
    }
    prev = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}
