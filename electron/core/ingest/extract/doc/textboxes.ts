import { FC, structure, type Fib } from "./fib";

export interface TextboxStory {
  /** Shape id of the textbox (FTXBXS.lid). */
  lid: number;
  /** CP range inside the textbox story. */
  start: number;
  end: number;
}

/** Textbox stories (PlcftxbxTxt) with the shapes they belong to. */
export function textboxStories(fib: Fib, table: Buffer): TextboxStory[] {
  const plc = structure(fib, table, FC.plcftxbxTxt);
  if (!plc) return [];
  const n = Math.floor((plc.length - 4) / 26);
  const out: TextboxStory[] = [];
  for (let k = 0; k < n; k++) {
    const start = plc.readUInt32LE(k * 4);
    const end = plc.readUInt32LE(k * 4 + 4);
    const ftxbxs = 4 * (n + 1) + k * 22;
    const reusable = plc.readUInt16LE(ftxbxs + 8);
    if (reusable) continue;
    out.push({ lid: plc.readInt32LE(ftxbxs + 14), start, end });
  }
  return out;
}

/** Shapes anchored in the main story (PlcSpaMom): shape id → anchor CP. */
export function shapeAnchors(fib: Fib, table: Buffer): Map<number, number> {
  const plc = structure(fib, table, FC.plcSpaMom);
  const out = new Map<number, number>();
  if (!plc) return out;
  const n = Math.floor((plc.length - 4) / 30);
  for (let k = 0; k < n; k++) out.set(plc.readInt32LE(4 * (n + 1) + k * 26), plc.readUInt32LE(k * 4));
  return out;
}
