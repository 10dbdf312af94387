/**
 * The File Information Block of a Word 97–2003 binary (MS-DOC 2.5): where
 * the text lives (story lengths) and where each table-stream structure is.
 */
export interface Fib {
  nFib: number;
  complex: boolean;
  encrypted: boolean;
  /** "1Table" or "0Table". */
  tableStream: string;
  /** Character counts of the stories, in CP order. */
  ccp: { text: number; ftn: number; hdd: number; atn: number; edn: number; txbx: number; hdrTxbx: number };
  /** fc/lcb pair number `i` of FibRgFcLcb (e.g. 33 is the Clx). */
  fcLcb(i: number): { fc: number; lcb: number };
}

/** Indices into FibRgFcLcb97 (MS-DOC 2.5.6). */
export const FC = {
  stshf: 1,
  plcfBteChpx: 12,
  plcfBtePapx: 13,
  clx: 33,
  plcSpaMom: 40,
  plcftxbxTxt: 56,
  plfLst: 73,
  plfLfo: 74,
} as const;

export class DocFormatError extends Error {}

export function readFib(word: Buffer): Fib {
  if (word.length < 0x9a || word.readUInt16LE(0) !== 0xa5ec) throw new DocFormatError("not a Word binary (bad FIB signature)");
  const nFib = word.readUInt16LE(2);
  // Word 6.0/95 files (nFib 101–105) have another FIB layout and no piece table of this kind.
  if (nFib < 0xc0) throw new DocFormatError(`Word 6.0/95 format (nFib ${nFib})`);
  const flags = word.readUInt16LE(0x0a);
  const csw = word.readUInt16LE(0x20);
  const lwAt = 0x22 + csw * 2 + 2;
  const cslw = word.readUInt16LE(lwAt - 2);
  const blobAt = lwAt + cslw * 4 + 2;
  const cbRgFcLcb = word.readUInt16LE(blobAt - 2);
  if (blobAt + cbRgFcLcb * 8 > word.length) throw new DocFormatError("truncated FIB");
  const lw = (i: number): number => (i < cslw ? word.readInt32LE(lwAt + i * 4) : 0);
  return {
    nFib,
    complex: (flags & 0x0004) !== 0,
    encrypted: (flags & 0x0100) !== 0,
    tableStream: flags & 0x0200 ? "1Table" : "0Table",
    ccp: { text: lw(3), ftn: lw(4), hdd: lw(5), atn: lw(7), edn: lw(8), txbx: lw(9), hdrTxbx: lw(10) },
    fcLcb(i) {
      if (i >= cbRgFcLcb) return { fc: 0, lcb: 0 };
      return { fc: word.readUInt32LE(blobAt + i * 8), lcb: word.readUInt32LE(blobAt + i * 8 + 4) };
    },
  };
}

/** The bytes of one table-stream structure, or null when the file has none (or it lies outside the stream). */
export function structure(fib: Fib, table: Buffer, index: number): Buffer | null {
  const { fc, lcb } = fib.fcLcb(index);
  if (!lcb || fc + lcb > table.length) return null;
  return table.subarray(fc, fc + lcb);
}
