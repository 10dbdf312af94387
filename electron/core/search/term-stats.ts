import type { Db } from "../store/open-store";
import { quote } from "./segment";

/**
 * How common each query term is, without asking FTS5 to count it.
 *
 * FTS5's bm25() counts every row holding each term before it ranks a
 * single row, so one common term (工作 in 40 % of a million chunks) costs a
 * full walk of its doclist, 40–90 ms, whatever LIMIT or rowid window the
 * query has. Here a term's document frequency is exact up to PROBE rows
 * (its newest PROBE + 1 matches are read, newest first, which stops early)
 * and estimated beyond that from how far back the PROBE-th match lies.
 */
export const PROBE = 300;

export interface IndexStats {
  /** Rows in the FTS index (FTS5's own count, kept in its averages record). */
  rows: number;
  /** Smallest and largest rowid indexed: the span that rows are spread over. */
  minId: number;
  maxId: number;
}

interface Cached {
  stats: IndexStats;
  df: Map<string, number>;
  avgBytes?: number;
}

const caches = new WeakMap<Db, Cached>();
/** Cached frequencies are kept until the index grows or shrinks by this share (or its newest rowid moves). */
const DRIFT = 0.02;
const MAX_TERMS = 5000;

/** SQLite/FTS5 varint: big-endian 7-bit groups, high bit set on all but the last; a 9th byte carries 8 bits. */
export function readVarint(buf: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new Error("truncated varint");
    if (i === 8) return { value: value * 256 + b, next: at + 9 };
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) return { value, next: at + i + 1 };
  }
  return { value, next: at + 9 };
}

/** The index's row count from FTS5's averages record (rowid 1 of the data table); the rowid span from the docsize table. */
export function indexStats(db: Db): IndexStats {
  const block = db.prepare("SELECT block FROM kb_fts_data WHERE id = 1").pluck().get() as Buffer | undefined;
  // Two statements: SQLite answers a lone min() or max() from the b-tree's edge, but scans every row for both at once.
  const minId = db.prepare("SELECT min(id) FROM kb_fts_docsize").pluck().get() as number | null;
  const maxId = db.prepare("SELECT max(id) FROM kb_fts_docsize").pluck().get() as number | null;
  const rows = block?.length ? readVarint(block, 0).value : 0;
  return { rows, minId: minId ?? 0, maxId: maxId ?? 0 };
}

function cacheFor(db: Db): Cached {
  const stats = indexStats(db);
  const old = caches.get(db);
  if (old && old.stats.maxId === stats.maxId && Math.abs(old.stats.rows - stats.rows) <= old.stats.rows * DRIFT) return old;
  const fresh = { stats, df: new Map<string, number>() };
  caches.set(db, fresh);
  return fresh;
}

/** The newest rowids of a MATCH expression, newest first (FTS5 walks its doclists backwards and stops at the limit). */
function newestMatches(db: Db, match: string, limit: number): number[] {
  return db.prepare("SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rowid DESC LIMIT ?").pluck().all(match, limit) as number[];
}

function estimate(db: Db, stats: IndexStats, term: string): number {
  const newest = newestMatches(db, quote(term), PROBE + 1);
  if (newest.length <= PROBE) return newest.length;
  // PROBE matches among the rows from the PROBE-th match to the newest: the same share over the whole index.
  const floor = newest[PROBE - 1]!;
  const share = PROBE / Math.max(PROBE, ((stats.maxId - floor + 1) / Math.max(1, stats.maxId - stats.minId + 1)) * stats.rows);
  return Math.min(stats.rows, Math.round(share * stats.rows));
}

/**
 * Document frequency of each term (as segmentQuery gives them, unquoted),
 * the index's stats, and the average UTF-8 bytes per chunk (read only when
 * asked: exact ranking does not need it), all from one look at the index.
 */
export function termFrequencies(db: Db, terms: string[]): { stats: IndexStats; df: number[]; averageBytes: () => number } {
  const cache = cacheFor(db);
  const df = terms.map((t) => {
    let n = cache.df.get(t);
    if (n === undefined) {
      n = estimate(db, cache.stats, t);
      if (cache.df.size >= MAX_TERMS) cache.df.clear();
      cache.df.set(t, n);
    }
    return n;
  });
  return { stats: cache.stats, df, averageBytes: () => averageChunkBytes(db, cache) };
}

/** Average UTF-8 bytes per chunk, over the newest 1,000 chunks (a sample: the mean of all would read every row). */
function averageChunkBytes(db: Db, cache: Cached): number {
  cache.avgBytes ??= (db.prepare("SELECT avg(octet_length(text)) FROM (SELECT text FROM kb_chunks ORDER BY id DESC LIMIT 1000)").pluck().get() as number | null) || 1;
  return cache.avgBytes;
}

/** BM25's inverse document frequency, as FTS5 computes it (never below a small positive floor). */
export function idf(rows: number, df: number): number {
  const v = Math.log((rows - df + 0.5) / (df + 0.5));
  return v > 1e-6 ? v : 1e-6;
}
