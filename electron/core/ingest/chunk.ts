import type { Chunk, ExtractedPage } from "./types";

/** Chunks stored before page parts were recorded (knowledge packs of version 1): one part, all on the first page. */
export function withPageStarts(c: Omit<Chunk, "pageStarts" | "paragraphs"> & Partial<Pick<Chunk, "pageStarts" | "paragraphs">>): Chunk {
  return { ...c, pageStarts: c.pageStarts ?? [{ offset: 0, page: c.pages[0] ?? 1 }], paragraphs: c.paragraphs ?? [0, 0] };
}

export interface ChunkOptions {
  targetTokens: number;
  overlapTokens: number;
}

/** 公文 heading levels: 第X章 (0), 一、(1), （一）(2), 1. (3), （1）(4). */
const HEADINGS: [RegExp, number][] = [
  [/^第[一二三四五六七八九十百零〇\d]+[章编]/, 0],
  [/^[一二三四五六七八九十]{1,3}、/, 1],
  [/^[（(][一二三四五六七八九十]{1,3}[）)]/, 2],
  [/^\d{1,2}[.．、](?!\d)/, 3],
  [/^[（(]\d{1,2}[）)]/, 4],
];

export function headingLevel(line: string): number | null {
  const t = line.trim();
  if (t.length > 60) return null; // a numbered paragraph, not a heading
  for (const [re, level] of HEADINGS) if (re.test(t)) return level;
  return null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Rough token count: one per CJK character, one per ~4 other non-space characters. */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const other = text.replace(CJK, "").replace(/\s+/g, "").length;
  return cjk + Math.ceil(other / 4);
}

/** Splits after sentence ends (。！？；and their ASCII forms), keeping the punctuation. */
export function splitSentences(text: string): string[] {
  return text.match(/[^。！？；!?;]+[。！？；!?;]*[”’」』）)]*|[。！？；!?;]+/g)?.filter((s) => s.trim()) ?? [];
}

/** Cuts a text with no sentence end into pieces of at most `max` tokens. */
function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of text) {
    cur += ch;
    if (estimateTokens(cur) >= max) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur.trim()) out.push(cur);
  return out;
}

interface Piece {
  text: string;
  page: number;
  tokens: number;
  /** Heading level when the piece is a heading line. */
  level: number | null;
  /** First piece of a paragraph (joined with a newline, not glued to the previous sentence). */
  paraStart: boolean;
  /** 1-based paragraph (non-empty line) number in the document. */
  para: number;
}

/** A page's last line that stops mid-sentence continues on the next page's first line (PDF, OFD). */
const OPEN_END = /[^。！？；：!?;:”’」』）)】\]》>|]$/;

function toPieces(pages: ExtractedPage[], target: number): Piece[] {
  const pieces: Piece[] = [];
  let para = 0;
  let lastOfPage: string | null = null;
  for (const p of pages) {
    let firstOfPage = true;
    for (const raw of p.text.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      const level = headingLevel(line);
      const continues = firstOfPage && lastOfPage !== null && level === null && OPEN_END.test(lastOfPage) && !line.includes(" | ");
      firstOfPage = false;
      if (!continues) para++;
      lastOfPage = line;
      const tokens = estimateTokens(line);
      if (tokens <= target) {
        pieces.push({ text: line, page: p.page, tokens, level, paraStart: !continues, para });
        continue;
      }
      let first = true;
      for (const s of splitSentences(line).flatMap((s) => (estimateTokens(s) > target ? hardSplit(s, target) : [s]))) {
        pieces.push({ text: s, page: p.page, tokens: estimateTokens(s), level: first ? level : null, paraStart: first && !continues, para });
        first = false;
      }
    }
  }
  return pieces;
}

/** The chunk text of pieces, with where each page's part starts. */
function assemble(pieces: Piece[]): Pick<Chunk, "text" | "pages" | "pageStarts" | "paragraphs"> {
  let text = "";
  const pageStarts: Chunk["pageStarts"] = [];
  pieces.forEach((p, i) => {
    if (i > 0 && p.paraStart) text += "\n";
    if (!pageStarts.length || pageStarts[pageStarts.length - 1]!.page !== p.page) pageStarts.push({ offset: text.length, page: p.page });
    text += p.text;
  });
  const pages = [...new Set(pieces.map((p) => p.page))].sort((a, b) => a - b);
  return { text: text.trimEnd(), pages, pageStarts, paragraphs: [pieces[0]!.para, pieces[pieces.length - 1]!.para] };
}

/** The page at a character offset of a chunk's text. */
export function pageAt(pageStarts: readonly { offset: number; page: number }[], offset: number, fallback = 1): number {
  let page = pageStarts[0]?.page ?? fallback;
  for (const s of pageStarts) if (s.offset <= offset) page = s.page;
  return page;
}

/**
 * The paragraphs a span [start, end) of a chunk's text lies in: each
 * paragraph after the chunk's first begins after a line break.
 */
export function paragraphsOfSpan(text: string, first: number, start: number, end: number): [number, number] {
  const count = (to: number): number => {
    let n = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
    return n;
  };
  return [first + count(start), first + count(Math.max(start, end - 1))];
}

/** The pages a span [start, end) of a chunk's text lies on. */
export function pagesOfSpan(pageStarts: readonly { offset: number; page: number }[], start: number, end: number, fallback = 1): number[] {
  const first = pageAt(pageStarts, start, fallback);
  const last = pageAt(pageStarts, Math.max(start, end - 1), fallback);
  return [...new Set(pageStarts.map((s) => s.page).filter((p) => p >= first && p <= last).concat([first, last]))].sort((a, b) => a - b);
}

/**
 * Chunks pages for indexing and summarising: a new chunk at each 一、/（一）
 * heading (and at deeper headings once the chunk is half full), else when
 * the target size would be exceeded; paragraphs longer than the target are
 * cut at sentence ends. A chunk cut for size starts with the previous
 * chunk's last sentences (up to overlapTokens). Each chunk keeps its pages
 * and heading path. Pure.
 */
export function chunkPages(pages: ExtractedPage[], opts: ChunkOptions): Chunk[] {
  const target = Math.max(16, opts.targetTokens);
  const overlap = Math.max(0, Math.min(opts.overlapTokens, Math.floor(target / 2)));
  const chunks: Chunk[] = [];
  const path: { level: number; text: string }[] = [];
  let cur: Piece[] = [];
  let curPath: string[] = [];
  let curTokens = 0;

  const flush = (): void => {
    if (!cur.some((p) => p.text.trim())) return;
    const a = assemble(cur);
    chunks.push({ ...a, headingPath: curPath, tokens: estimateTokens(a.text) });
  };
  const start = (seed: Piece[]): void => {
    cur = seed;
    curTokens = seed.reduce((n, p) => n + p.tokens, 0);
    curPath = path.map((h) => h.text);
  };

  start([]);
  for (const piece of toPieces(pages, target)) {
    if (piece.level !== null) {
      const breakHere = piece.level <= 2 || curTokens >= target / 2;
      if (breakHere && cur.length) {
        flush();
        cur = [];
      }
      while (path.length && path[path.length - 1]!.level >= piece.level) path.pop();
      path.push({ level: piece.level, text: piece.text });
      if (!cur.length) start([]);
      else curPath = commonPrefix(curPath, path.map((h) => h.text));
    } else if (curTokens + piece.tokens > target && cur.length) {
      flush();
      start(tail(cur, overlap));
    }
    cur.push(piece);
    curTokens += piece.tokens;
  }
  flush();
  return chunks;
}

function commonPrefix(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i]!);
  return out;
}

/** The last whole pieces of a chunk, up to `budget` tokens, as the next chunk's overlap. */
function tail(pieces: Piece[], budget: number): Piece[] {
  const out: Piece[] = [];
  let n = 0;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    if (p.level !== null || n + p.tokens > budget) break;
    out.unshift(p);
    n += p.tokens;
  }
  return out;
}
