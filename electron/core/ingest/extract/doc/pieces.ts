import { DocFormatError } from "./fib";

/** One piece of the piece table: CPs [cpStart, cpEnd) stored at `fc` (8-bit when compressed). */
export interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
  /** Property modifier of the piece (Prm). */
  prm: number;
}

export interface Clx {
  pieces: Piece[];
  /** Property modifier groups (Prc) that a piece's Prm may point at. */
  grpprls: Buffer[];
}

/**
 * The Clx (MS-DOC 2.9.38): Prc entries, then the Pcdt with the piece table.
 * Every Word 97+ file has one; a fast-saved file has many pieces, out of
 * file order, which is why reading the stream front to back loses text.
 */
export function readClx(clx: Buffer): Clx {
  const grpprls: Buffer[] = [];
  let i = 0;
  while (i < clx.length && clx[i] === 0x01) {
    const cb = clx.readInt16LE(i + 1);
    grpprls.push(clx.subarray(i + 3, i + 3 + cb));
    i += 3 + cb;
  }
  if (clx[i] !== 0x02) throw new DocFormatError("piece table (Pcdt) missing");
  const lcb = clx.readUInt32LE(i + 1);
  const plc = clx.subarray(i + 5, i + 5 + lcb);
  const n = Math.floor((plc.length - 4) / 12);
  if (n < 1) throw new DocFormatError("empty piece table");
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const cpStart = plc.readUInt32LE(k * 4);
    const cpEnd = plc.readUInt32LE(k * 4 + 4);
    const pcd = 4 * (n + 1) + k * 8;
    const raw = plc.readUInt32LE(pcd + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    if (cpEnd < cpStart) throw new DocFormatError("piece table out of order");
    pieces.push({ cpStart, cpEnd, fc: compressed ? fc / 2 : fc, compressed, prm: plc.readUInt16LE(pcd + 6) });
  }
  return { pieces, grpprls };
}

/** Compressed (8-bit) pieces are Windows-1252 (MS-DOC 2.4.1): the bytes 0x80–0x9F that differ from Latin-1. */
const CP1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

/**
 * The whole character stream (all stories, CP order) as UTF-16 code units,
 * plus where each CP sits in the WordDocument stream.
 */
export class CharStream {
  readonly text: string;
  constructor(
    readonly word: Buffer,
    readonly clx: Clx,
  ) {
    const parts: string[] = [];
    for (const p of clx.pieces) {
      const n = p.cpEnd - p.cpStart;
      const bytes = p.compressed ? n : n * 2;
      if (p.fc + bytes > word.length) throw new DocFormatError("a piece lies outside the WordDocument stream");
      if (p.compressed) {
        let s = "";
        for (let k = 0; k < n; k++) {
          const b = word[p.fc + k]!;
          s += String.fromCharCode(CP1252[b] ?? b);
        }
        parts.push(s);
      } else {
        parts.push(word.toString("utf16le", p.fc, p.fc + bytes));
      }
    }
    this.text = parts.join("");
  }

  get length(): number {
    return this.clx.pieces[this.clx.pieces.length - 1]!.cpEnd;
  }

  /** Index of the piece holding `cp` (binary search; pieces are in CP order). */
  pieceAt(cp: number): number {
    const ps = this.clx.pieces;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid]!.cpStart <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** File offset of the character at `cp`. */
  fcOf(cp: number): number {
    const p = this.clx.pieces[this.pieceAt(cp)]!;
    return p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2);
  }

  /** CP ranges [start, end) whose characters lie in the file range [fcStart, fcEnd). */
  cpRangesOf(fcStart: number, fcEnd: number): [number, number][] {
    const out: [number, number][] = [];
    for (const p of this.clx.pieces) {
      const w = p.compressed ? 1 : 2;
      const pEnd = p.fc + (p.cpEnd - p.cpStart) * w;
      const a = Math.max(fcStart, p.fc);
      const b = Math.min(fcEnd, pEnd);
      if (a < b) out.push([p.cpStart + Math.floor((a - p.fc) / w), p.cpStart + Math.ceil((b - p.fc) / w)]);
    }
    return out;
  }
}
