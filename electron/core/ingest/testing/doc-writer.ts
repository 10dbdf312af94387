import { writeFile } from "node:fs/promises";
import * as CFB from "cfb";

/**
 * Writes Word 97–2003 binary (.doc) files for tests: FIB, piece table,
 * paragraph properties (FKP pages), a style sheet, lists (LST/LFO) and an
 * optional document-properties title. `fastSaved` lays the text out the way
 * Word's fast save leaves it: pieces out of file order, the newest text
 * appended at the end, and stale text the piece table no longer points at,
 * so that a reader that does not follow the piece table reads it wrong.
 * catdoc and antiword read what this writes.
 */

export type DocBlock =
  | { para: string; list?: [list: number, level: number]; hidden?: [from: number, to: number] }
  | { table: string[][] };

export interface DocList {
  /** Per level: number format (MSONFC), level text with \u0000…\u0008 for the level numbers, start. */
  levels: { nfc: number; text: string; start?: number }[];
}

export interface DocSpec {
  blocks: DocBlock[];
  lists?: DocList[];
  fastSaved?: boolean;
  /** SummaryInformation title (document properties). */
  title?: string;
}

interface Mark {
  /** CP of the paragraph mark. */
  cp: number;
  inTable: boolean;
  ttp: boolean;
  ilfo: number;
  ilvl: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n & 0xffff);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** The character stream and its paragraph marks. */
function layout(blocks: DocBlock[]): { text: string; marks: Mark[]; hidden: [number, number][] } {
  let text = "";
  const marks: Mark[] = [];
  const hidden: [number, number][] = [];
  const mark = (ch: string, m: Omit<Mark, "cp">): void => {
    marks.push({ cp: text.length, ...m });
    text += ch;
  };
  for (const b of blocks) {
    if ("para" in b) {
      if (b.hidden) hidden.push([text.length + b.hidden[0], text.length + b.hidden[1]]);
      text += b.para;
      mark("\r", { inTable: false, ttp: false, ilfo: b.list ? b.list[0] + 1 : 0, ilvl: b.list?.[1] ?? 0 });
      continue;
    }
    for (const row of b.table) {
      for (const cell of row) {
        const paras = cell.split("\n");
        paras.forEach((p, i) => {
          text += p;
          mark(i === paras.length - 1 ? "\x07" : "\r", { inTable: true, ttp: false, ilfo: 0, ilvl: 0 });
        });
      }
      mark("\x07", { inTable: true, ttp: true, ilfo: 0, ilvl: 0 });
    }
  }
  return { text, marks, hidden };
}

function papxGrpprl(m: Mark): Buffer {
  const parts: Buffer[] = [u16(0)]; // istd 0 (Normal)
  if (m.inTable) parts.push(u16(0x2416), Buffer.from([1]));
  if (m.ttp) parts.push(u16(0x2417), Buffer.from([1]));
  if (m.ilfo) parts.push(u16(0x260a), Buffer.from([m.ilvl]), u16(0x460b), u16(m.ilfo));
  return Buffer.concat(parts);
}

/** FKP pages for runs [fc, fcEnd) with their property bytes (PAPX when `papx`, else CHPX). */
function fkpPages(runs: { fc: number; end: number; props: Buffer }[], papx: boolean): Buffer[] {
  const pages: Buffer[] = [];
  let i = 0;
  while (i < runs.length) {
    const page = Buffer.alloc(512);
    let free = 511; // the crun byte is last
    let n = 0;
    const entry = papx ? 13 : 1;
    const fitted: number[] = [];
    while (i + n < runs.length) {
      const props = runs[i + n]!.props;
      const size = papx ? (props.length % 2 ? props.length + 1 : props.length + 2) : props.length + 1;
      const need = 4 * (n + 2) + entry * (n + 1);
      const at = (free - size) & ~1;
      if (at < need) break;
      fitted.push(at);
      free = at;
      n++;
    }
    if (n === 0) throw new Error("property run too large for one FKP page");
    for (let k = 0; k < n; k++) {
      const r = runs[i + k]!;
      const at = fitted[k]!;
      page.writeUInt32LE(r.fc, k * 4);
      if (papx) {
        page[4 * (n + 1) + k * 13] = at / 2;
        if (r.props.length % 2) {
          page[at] = (r.props.length + 1) / 2;
          r.props.copy(page, at + 1);
        } else {
          page[at] = 0;
          page[at + 1] = r.props.length / 2;
          r.props.copy(page, at + 2);
        }
      } else {
        page[4 * (n + 1) + k] = at / 2;
        page[at] = r.props.length;
        r.props.copy(page, at + 1);
      }
    }
    page.writeUInt32LE(runs[i + n - 1]!.end, n * 4);
    page[511] = n;
    pages.push(page);
    i += n;
  }
  return pages;
}

function styleSheet(): Buffer {
  // STSHIF: cstd 1, cbSTDBaseInFile 10, fStdStylenamesWritten, sti max, istd max fixed, version, 3 default fonts.
  const stshi = Buffer.concat([u16(1), u16(10), u16(1), u16(0x5b), u16(0x0f), u16(0), u16(0), u16(0), u16(0)]);
  const name = "Normal";
  const std = Buffer.concat([
    u16(0), // sti 0 (Normal)
    u16(1 | (0xfff << 4)), // stk paragraph, istdBase none
    u16(2 | (0 << 4)), // cupx 2, istdNext 0
    u16(0), // bchUpe (filled below)
    u16(0), // grfstd
    u16(name.length),
    Buffer.from(name, "utf16le"),
    u16(0),
    u16(2), // UpxPapx: cbUpx 2, istd 0, no sprms
    u16(0),
    u16(0), // UpxChpx: empty
  ]);
  std.writeUInt16LE(std.length, 6);
  return Buffer.concat([u16(stshi.length), stshi, u16(std.length), std]);
}

function lvl(l: { nfc: number; text: string; start?: number }): Buffer {
  const f = Buffer.alloc(28);
  f.writeInt32LE(l.start ?? 1, 0);
  f[4] = l.nfc;
  let k = 0;
  [...l.text].forEach((ch, i) => {
    if (ch.charCodeAt(0) < 9 && k < 9) f[6 + k++] = i + 1;
  });
  f[15] = 2; // follow: nothing
  return Buffer.concat([f, u16(l.text.length), Buffer.from(l.text, "utf16le")]);
}

function listTables(lists: DocList[]): { lst: Buffer; lvls: Buffer; lfo: Buffer } {
  const lstfs = lists.map((_, i) => {
    const b = Buffer.alloc(28);
    b.writeInt32LE(1000 + i, 0);
    for (let k = 0; k < 9; k++) b.writeUInt16LE(0x0fff, 8 + k * 2);
    return b;
  });
  const lvls = lists.map((l) => Buffer.concat(Array.from({ length: 9 }, (_, k) => lvl(l.levels[k] ?? { nfc: 0, text: `${String.fromCharCode(k)}.` }))));
  const lfos = lists.map((_, i) => Buffer.concat([u32(1000 + i), u32(0), u32(0), Buffer.from([0, 0, 0, 0])]));
  const lfoData = lists.map(() => u32(0xffffffff));
  return {
    lst: Buffer.concat([u16(lists.length), ...lstfs]),
    lvls: Buffer.concat(lvls),
    lfo: Buffer.concat([u32(lists.length), ...lfos, ...lfoData]),
  };
}

function summaryInformation(title: string): Buffer {
  const str = Buffer.from(`${title}\0`, "utf16le");
  const titleProp = Buffer.concat([u32(0x1f), u32(title.length + 1), str, Buffer.alloc((4 - (str.length % 4)) % 4)]);
  const codepage = Buffer.concat([u32(2), u16(1200), u16(0)]);
  const props = [
    [1, codepage],
    [2, titleProp],
  ] as const;
  let off = 8 + props.length * 8;
  const index: Buffer[] = [];
  for (const [id, b] of props) {
    index.push(u32(id), u32(off));
    off += b.length;
  }
  const section = Buffer.concat([u32(off), u32(props.length), ...index, ...props.map((p) => p[1])]);
  const fmtid = Buffer.from("e0859ff2f94f6810ab9108002b27b3d9", "hex");
  const header = Buffer.concat([u16(0xfffe), u16(0), u32(0x00020005), Buffer.alloc(16), u32(1), fmtid, u32(48)]);
  return Buffer.concat([header, section]);
}

/** Splits [0, n) into pieces and decides where each is stored: in order, or fast-saved (scrambled, with stale text). */
function pieces(n: number, fast: boolean): { cp: number; end: number; order: number }[] {
  if (!fast || n < 8) return [{ cp: 0, end: n, order: 0 }];
  const cuts = [0, Math.floor(n * 0.15), Math.floor(n * 0.4), Math.floor(n * 0.55), Math.floor(n * 0.8), n];
  // Storage order: the middle edits were appended last, as a fast save does.
  const order = [0, 3, 1, 4, 2];
  return cuts.slice(0, -1).map((cp, i) => ({ cp, end: cuts[i + 1]!, order: order[i]! }));
}

export function buildDoc(spec: DocSpec): Buffer {
  const { text, marks, hidden } = layout(spec.blocks);
  const FIB_SIZE = 1024;
  const ps = pieces(text.length, !!spec.fastSaved);
  // Text area: pieces in storage order, with stale (superseded) text between them when fast-saved.
  const stale = Buffer.from("【已删除的旧版本文字，不应被读出】\r", "utf16le");
  const chunks: Buffer[] = [];
  let fc = FIB_SIZE;
  const fcOf = new Map<number, number>();
  for (const p of [...ps].sort((a, b) => a.order - b.order)) {
    if (spec.fastSaved) {
      chunks.push(stale);
      fc += stale.length;
    }
    fcOf.set(p.cp, fc);
    const b = Buffer.from(text.slice(p.cp, p.end), "utf16le");
    chunks.push(b);
    fc += b.length;
  }
  const textEnd = fc;
  const cpToFc = (cp: number): number => {
    const p = ps.find((x) => cp >= x.cp && cp < x.end)!;
    return fcOf.get(p.cp)! + (cp - p.cp) * 2;
  };
  // Paragraph runs by file position, contiguous over the text area.
  const sortedMarks = [...marks].sort((a, b) => cpToFc(a.cp) - cpToFc(b.cp));
  let prev = FIB_SIZE;
  const papxRuns = sortedMarks.map((m) => {
    const end = cpToFc(m.cp) + 2;
    const r = { fc: prev, end, props: papxGrpprl(m) };
    prev = end;
    return r;
  });
  const chpxRuns: { fc: number; end: number; props: Buffer }[] = [];
  for (const [a, b] of hidden) {
    const fa = cpToFc(a);
    chpxRuns.push({ fc: fa, end: fa + (b - a) * 2, props: Buffer.concat([u16(0x083c), Buffer.from([1])]) });
  }
  const textPad = Buffer.alloc((512 - (textEnd % 512)) % 512);
  const papxPages = fkpPages(papxRuns, true);
  const chpxPages = chpxRuns.length ? fkpPages(chpxRuns, false) : [];
  const firstPn = (textEnd + textPad.length) / 512;
  const word = Buffer.concat([Buffer.alloc(FIB_SIZE), ...chunks, textPad, ...papxPages, ...chpxPages]);

  // Table stream: style sheet, Clx, PlcBtePapx, PlcBteChpx, lists.
  const parts: Buffer[] = [];
  let tfc = 0;
  const place = (b: Buffer): { fc: number; lcb: number } => {
    const at = { fc: tfc, lcb: b.length };
    parts.push(b);
    tfc += b.length;
    return at;
  };
  const stsh = place(styleSheet());
  const plcPcd = Buffer.concat([...ps.map((p) => u32(p.cp)), u32(text.length), ...ps.map((p) => Buffer.concat([u16(0), u32(fcOf.get(p.cp)!), u16(0)]))]);
  const clx = place(Buffer.concat([Buffer.from([0x02]), u32(plcPcd.length), plcPcd]));
  const bte = (pages: Buffer[], pn: number): Buffer =>
    Buffer.concat([...pages.map((p) => u32(p.readUInt32LE(0))), u32(pages.length ? pages[pages.length - 1]!.readUInt32LE(pages[pages.length - 1]![511]! * 4) : 0), ...pages.map((_, i) => u32(pn + i))]);
  const btePapx = place(bte(papxPages, firstPn));
  const bteChpx = chpxPages.length ? place(bte(chpxPages, firstPn + papxPages.length)) : { fc: 0, lcb: 0 };
  let lst = { fc: 0, lcb: 0 };
  let lfo = { fc: 0, lcb: 0 };
  if (spec.lists?.length) {
    const t = listTables(spec.lists);
    lst = place(t.lst);
    place(t.lvls);
    lfo = place(t.lfo);
  }
  const table = Buffer.concat(parts);

  // FIB: FibBase, 14 shorts, 22 longs, 93 fc/lcb pairs (Word 97).
  const fib = word.subarray(0, FIB_SIZE);
  fib.writeUInt16LE(0xa5ec, 0);
  fib.writeUInt16LE(0x00c1, 2);
  fib.writeUInt16LE(0x0804, 6);
  fib.writeUInt16LE(0x1200 | (spec.fastSaved ? 0x0004 | (1 << 4) : 0), 0x0a);
  fib.writeUInt16LE(0x00bf, 0x0c);
  fib.writeUInt16LE(14, 0x20);
  fib.writeUInt16LE(22, 0x3e);
  fib.writeInt32LE(word.length, 0x40);
  fib.writeInt32LE(text.length - 1 >= 0 ? text.length : 0, 0x4c);
  fib.writeUInt16LE(93, 0x98);
  const setFcLcb = (i: number, v: { fc: number; lcb: number }): void => {
    fib.writeUInt32LE(v.fc, 0x9a + i * 8);
    fib.writeUInt32LE(v.lcb, 0x9a + i * 8 + 4);
  };
  setFcLcb(0, stsh);
  setFcLcb(1, stsh);
  setFcLcb(12, bteChpx);
  setFcLcb(13, btePapx);
  setFcLcb(33, clx);
  setFcLcb(73, lst);
  setFcLcb(74, lfo);
  // FibBase fcMin/fcMac (Word 6 compatible fields some readers still use).
  fib.writeUInt32LE(FIB_SIZE, 0x18);
  fib.writeUInt32LE(textEnd, 0x1c);

  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, "/WordDocument", word);
  CFB.utils.cfb_add(cfb, "/1Table", table);
  if (spec.title) CFB.utils.cfb_add(cfb, "/\u0005SummaryInformation", summaryInformation(spec.title));
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

export async function writeDoc(path: string, spec: DocSpec): Promise<void> {
  await writeFile(path, buildDoc(spec));
}
