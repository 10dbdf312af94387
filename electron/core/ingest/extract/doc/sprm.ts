/** Single property modifiers (MS-DOC 2.6): each is an opcode and an operand whose size the opcode says. */
export interface Sprm {
  op: number;
  /** Offset of the operand in the buffer. */
  at: number;
}

/** Operand size by spra (bits 13–15); 6 is variable (a length byte first). */
const SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

export function* sprms(buf: Buffer, start = 0, end = buf.length): Generator<Sprm> {
  let i = start;
  while (i + 2 <= end) {
    const op = buf.readUInt16LE(i);
    i += 2;
    let size = SIZE[(op >> 13) & 7]!;
    if (size < 0) {
      if (i >= end) return;
      if (op === 0xd608 || op === 0xd606) {
        // sprmTDefTable(10): a 2-byte length, one more than the bytes after it.
        if (i + 2 > end) return;
        const cb = buf.readUInt16LE(i);
        yield { op, at: i + 2 };
        i += 1 + Math.max(1, cb);
        continue;
      }
      if (op === 0xc615 && buf[i] === 255) {
        // sprmPChgTabs with cb 255: deleted tabs (2+2 bytes each) then added tabs (2+1 bytes each).
        const del = buf[i + 1] ?? 0;
        const addAt = i + 2 + del * 4;
        const add = buf[addAt] ?? 0;
        i = addAt + 1 + add * 3;
        continue;
      }
      size = buf[i]!;
      yield { op, at: i + 1 };
      i += 1 + size;
      continue;
    }
    if (i + size > end) return;
    yield { op, at: i };
    i += size;
  }
}

export const SPRM = {
  pIlvl: 0x260a,
  pIlfo: 0x460b,
  pFInTable: 0x2416,
  pFTtp: 0x2417,
  pItap: 0x6649,
  pFInnerTableCell: 0x244b,
  pFInnerTtp: 0x244c,
  pOutLvl: 0x2640,
  cFRMarkDel: 0x0800,
  cFVanish: 0x083c,
  cFFldVanish: 0x0802,
} as const;
