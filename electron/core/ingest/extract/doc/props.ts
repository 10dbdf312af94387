import { FC, structure, type Fib } from "./fib";
import type { CharStream } from "./pieces";
import { SPRM, sprms } from "./sprm";

/** The paragraph properties the text needs: list membership and table structure. */
export interface ParaProps {
  istd: number;
  ilfo: number;
  ilvl: number;
  inTable: boolean;
  /** Table-row end mark (TTP) of a top-level table. */
  ttp: boolean;
  itap: number;
  innerTtp: boolean;
}

interface Run {
  fcStart: number;
  fcEnd: number;
  /** Offset and length of the property bytes inside the FKP page (for PAPX: istd first). */
  page: Buffer;
  at: number;
  len: number;
}

const PAGE = 512;

/** Reads the FKP pages a PlcBte points at: every formatted run, sorted by file position. */
function fkpRuns(word: Buffer, plc: Buffer | null, kind: "papx" | "chpx"): Run[] {
  if (!plc) return [];
  const n = Math.floor((plc.length - 4) / 8);
  const runs: Run[] = [];
  for (let k = 0; k < n; k++) {
    const pn = plc.readUInt32LE(4 * (n + 1) + k * 4) & 0x3fffff;
    if ((pn + 1) * PAGE > word.length) continue;
    const page = word.subarray(pn * PAGE, (pn + 1) * PAGE);
    const crun = page[PAGE - 1]!;
    for (let j = 0; j < crun; j++) {
      const fcStart = page.readUInt32LE(j * 4);
      const fcEnd = page.readUInt32LE(j * 4 + 4);
      const off = kind === "papx" ? page[4 * (crun + 1) + j * 13]! * 2 : page[4 * (crun + 1) + j]! * 2;
      if (off === 0) {
        runs.push({ fcStart, fcEnd, page, at: 0, len: 0 });
        continue;
      }
      if (kind === "chpx") {
        runs.push({ fcStart, fcEnd, page, at: off + 1, len: page[off]! });
        continue;
      }
      // PapxInFkp: cb (words, 2*cb-1 bytes), or 0 then cb' (2*cb' bytes).
      let cb = page[off]!;
      let at = off + 1;
      let len = cb * 2 - 1;
      if (cb === 0) {
        cb = page[off + 1]!;
        at = off + 2;
        len = cb * 2;
      }
      runs.push({ fcStart, fcEnd, page, at, len: Math.min(len, PAGE - at) });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function findRun(runs: Run[], fc: number): Run | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

function apply(props: ParaProps, buf: Buffer, start: number, end: number): void {
  for (const s of sprms(buf, start, end)) {
    switch (s.op) {
      case SPRM.pIlvl:
        props.ilvl = buf[s.at]! & 0x0f;
        break;
      case SPRM.pIlfo:
        props.ilfo = buf.readInt16LE(s.at);
        break;
      case SPRM.pFInTable:
        props.inTable = buf[s.at] !== 0;
        break;
      case SPRM.pFTtp:
        props.ttp = buf[s.at] !== 0;
        break;
      case SPRM.pItap:
        props.itap = buf.readInt32LE(s.at);
        break;
      case SPRM.pFInnerTtp:
        props.innerTtp = buf[s.at] !== 0;
        break;
    }
  }
}

/** Paragraph-style properties (STSH): each style's grpprl, after its base style's. */
function styleProps(fib: Fib, table: Buffer): (istd: number) => Buffer[] {
  const stsh = structure(fib, table, FC.stshf);
  const upx = new Map<number, { base: number; grpprl: Buffer }>();
  if (stsh && stsh.length > 6) {
    const cbStshi = stsh.readUInt16LE(0);
    const cstd = stsh.readUInt16LE(2);
    const cbBase = stsh.readUInt16LE(4);
    let pos = 2 + cbStshi;
    for (let istd = 0; istd < cstd && pos + 2 <= stsh.length; istd++) {
      const cbStd = stsh.readUInt16LE(pos);
      const std = stsh.subarray(pos + 2, pos + 2 + cbStd);
      pos += 2 + cbStd;
      if (cbStd < cbBase || std.length < 10) continue;
      const stk = std.readUInt16LE(2) & 0x0f;
      const base = std.readUInt16LE(2) >> 4;
      if (stk !== 1) continue; // paragraph styles only
      const cch = std.readUInt16LE(cbBase);
      let at = cbBase + 2 + cch * 2 + 2;
      if (at % 2) at++;
      if (at + 4 > std.length) continue;
      const cbUpx = std.readUInt16LE(at);
      upx.set(istd, { base, grpprl: std.subarray(at + 4, Math.min(std.length, at + 2 + cbUpx)) });
    }
  }
  const chain = (istd: number): Buffer[] => {
    const out: Buffer[] = [];
    for (let i = istd, guard = 0; guard < 16; guard++) {
      const s = upx.get(i);
      if (!s) break;
      out.unshift(s.grpprl);
      if (s.base === 0x0fff || s.base === i) break;
      i = s.base;
    }
    return out;
  };
  return chain;
}

/**
 * Paragraph properties at a paragraph mark, and which characters are deleted
 * (tracked changes) or hidden: from the FKPs (by file position), the
 * paragraph style and the piece's own modifier.
 */
export class Properties {
  private readonly papx: Run[];
  private readonly chpx: Run[];
  private readonly styles: (istd: number) => Buffer[];

  constructor(
    private readonly fib: Fib,
    private readonly table: Buffer,
    private readonly chars: CharStream,
  ) {
    this.papx = fkpRuns(chars.word, structure(fib, table, FC.plcfBtePapx), "papx");
    this.chpx = fkpRuns(chars.word, structure(fib, table, FC.plcfBteChpx), "chpx");
    this.styles = styleProps(fib, table);
  }

  get hasParagraphProps(): boolean {
    return this.papx.length > 0;
  }

  /** Properties of the paragraph whose mark is at `cp`. */
  paragraph(cp: number): ParaProps {
    const props: ParaProps = { istd: 0, ilfo: 0, ilvl: 0, inTable: false, ttp: false, itap: 0, innerTtp: false };
    const run = findRun(this.papx, this.chars.fcOf(cp));
    if (run && run.len >= 2) props.istd = run.page.readUInt16LE(run.at);
    for (const g of this.styles(props.istd)) apply(props, g, 0, g.length);
    if (run && run.len > 2) apply(props, run.page, run.at + 2, run.at + run.len);
    const piece = this.chars.clx.pieces[this.chars.pieceAt(cp)]!;
    if (piece.prm & 1) {
      const g = this.chars.clx.grpprls[piece.prm >> 1];
      if (g) apply(props, g, 0, g.length);
    }
    if (props.inTable && props.itap === 0) props.itap = 1;
    return props;
  }

  /** A mask over all CPs: 1 where the character is deleted (tracked) or hidden text. */
  droppedMask(): Uint8Array {
    const mask = new Uint8Array(this.chars.length);
    for (const r of this.chpx) {
      if (!r.len) continue;
      let drop = false;
      for (const s of sprms(r.page, r.at, r.at + r.len)) {
        // 1: on; 0x81: the opposite of the style's value (off in every style we have seen).
        if ((s.op === SPRM.cFRMarkDel || s.op === SPRM.cFVanish) && (r.page[s.at] === 1 || r.page[s.at] === 0x81)) drop = true;
      }
      if (!drop) continue;
      for (const [a, b] of this.chars.cpRangesOf(r.fcStart, r.fcEnd)) mask.fill(1, a, Math.min(b, mask.length));
    }
    return mask;
  }
}
