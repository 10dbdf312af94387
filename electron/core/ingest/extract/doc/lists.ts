import { ListCounters, withFollow, type ListLevel } from "../numbering";
import { FC, structure, type Fib } from "./fib";

/** MSONFC (MS-DOC 2.2.1.3 in MS-OSHARED) → ECMA-376 number format names. */
const NFC: Record<number, string> = {
  0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
  0x0a: "ideographDigital", 0x0b: "japaneseCounting", 0x0e: "decimalFullWidth", 0x0f: "decimalHalfWidth",
  0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth2", 0x16: "decimalZero", 0x17: "bullet",
  0x1a: "decimalEnclosedFullstop", 0x1b: "decimalEnclosedParen", 0x1c: "decimalEnclosedCircleChinese",
  0x1d: "ideographEnclosedCircle", 0x1e: "ideographTraditional", 0x1f: "ideographZodiac",
  0x21: "taiwaneseCounting", 0x22: "ideographLegalTraditional", 0x23: "taiwaneseCountingThousand",
  0x24: "taiwaneseDigital", 0x25: "chineseCounting", 0x26: "chineseLegalSimplified",
  0x27: "chineseCountingThousand", 0xff: "none",
};

/** Reads one LVL (LVLF + grpprls + number text); returns it and the offset after it. */
function readLvl(b: Buffer, at: number): { level: ListLevel; next: number } | null {
  if (at + 28 > b.length) return null;
  const start = b.readInt32LE(at);
  const nfc = b[at + 4]!;
  const flags = b[at + 5]!;
  const cbChpx = b[at + 24]!;
  const cbPapx = b[at + 25]!;
  const restartLim = b[at + 26]!;
  let p = at + 28 + cbPapx + cbChpx;
  if (p + 2 > b.length) return null;
  const cch = b.readUInt16LE(p);
  p += 2;
  if (p + cch * 2 > b.length) return null;
  let text = "";
  for (let k = 0; k < cch; k++) {
    const c = b.readUInt16LE(p + k * 2);
    // Placeholders 0–8 stand for the numbers of levels 1–9.
    text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
  }
  const level: ListLevel = { start, format: NFC[nfc] ?? "decimal", text };
  if (flags & 0x04) level.legal = true;
  // fNoRestart: restart only after levels up to ilvlRestartLim - 1.
  if (flags & 0x08) level.restartAfter = restartLim - 1;
  return { level, next: p + cch * 2 };
}

interface Lfo {
  lsid: number;
  /** Start-at overrides per level. */
  starts: Map<number, number>;
  /** Whole-level overrides. */
  levels: Map<number, ListLevel>;
}

/**
 * The document's lists (PlfLst, with the LVLs that follow it) and list
 * overrides (PlfLfo). A paragraph's ilfo (1-based) picks an override, which
 * names the list by lsid.
 */
export class DocLists {
  private readonly lists = new Map<number, ListLevel[]>();
  private readonly lfos: Lfo[] = [];
  private readonly counters = new ListCounters();

  constructor(fib: Fib, table: Buffer) {
    try {
      this.readLists(fib, table);
      this.readOverrides(fib, table);
    } catch {
      // A damaged list table loses numbering, not text.
    }
  }

  private readLists(fib: Fib, table: Buffer): void {
    const { fc, lcb } = fib.fcLcb(FC.plfLst);
    if (!lcb || fc + 2 > table.length) return;
    const cLst = table.readInt16LE(fc);
    const lstfs: { lsid: number; simple: boolean }[] = [];
    for (let i = 0; i < cLst; i++) {
      const at = fc + 2 + i * 28;
      if (at + 28 > table.length) return;
      lstfs.push({ lsid: table.readInt32LE(at), simple: (table[at + 26]! & 1) === 1 });
    }
    // The LVLs follow the PlfLst directly in the table stream.
    let p = fc + lcb;
    for (const l of lstfs) {
      const levels: ListLevel[] = [];
      for (let k = 0; k < (l.simple ? 1 : 9); k++) {
        const r = readLvl(table, p);
        if (!r) return;
        levels.push(r.level);
        p = r.next;
      }
      this.lists.set(l.lsid, levels);
    }
  }

  private readOverrides(fib: Fib, table: Buffer): void {
    const plf = structure(fib, table, FC.plfLfo);
    if (!plf || plf.length < 4) return;
    const { fc } = fib.fcLcb(FC.plfLfo);
    const n = plf.readUInt32LE(0);
    const counts: number[] = [];
    for (let i = 0; i < n && 4 + (i + 1) * 16 <= plf.length; i++) {
      const at = 4 + i * 16;
      this.lfos.push({ lsid: plf.readInt32LE(at), starts: new Map(), levels: new Map() });
      counts.push(plf[at + 12]!);
    }
    // LFOData follow the LFOs (in the table stream, possibly past lcb).
    let p = fc + 4 + n * 16;
    for (let i = 0; i < this.lfos.length; i++) {
      p += 4; // cp
      for (let k = 0; k < counts[i]!; k++) {
        if (p + 8 > table.length) return;
        const startAt = table.readInt32LE(p);
        const flags = table[p + 4]!;
        p += 8;
        const ilvl = flags & 0x0f;
        if (flags & 0x10) this.lfos[i]!.starts.set(ilvl, startAt);
        if (flags & 0x20) {
          const r = readLvl(table, p);
          if (!r) return;
          this.lfos[i]!.levels.set(ilvl, r.level);
          p = r.next;
        }
      }
    }
  }

  /** The number text of a list paragraph ("一、", "（二）", "3."), advancing its list; "" when none. */
  label(ilfo: number, ilvl: number): string {
    if (ilfo <= 0 || ilfo > this.lfos.length) return "";
    const lfo = this.lfos[ilfo - 1]!;
    const base = this.lists.get(lfo.lsid);
    if (!base) return "";
    const levels = base.map((l, i) => lfo.levels.get(i) ?? l);
    return withFollow(this.counters.label(String(lfo.lsid), Math.min(ilvl, levels.length - 1), levels, lfo.starts.get(ilvl)));
  }
}
