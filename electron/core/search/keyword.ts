import type { Db } from "../store/open-store";
import { filterSql, IN_BASE } from "./filters";
import { segmentQuery } from "./segment";
import { idf, termFrequencies } from "./term-stats";
import { windowRanked, type WindowQuery } from "./window-rank";
import type { SearchFilters } from "./types";

export interface RankedChunk {
  chunkId: number;
  rank: number;
}

const squeeze = (t: string): string => t.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * When FTS5's bm25() ranks every match exactly: it first counts every row
 * holding each term (term-stats.ts; about 0.1 µs a row, so 40–90 ms for one
 * common term at a million chunks), then scores every match (about 2 µs
 * each: an OR of terms in 15,000 rows took 30 ms). Both are bounded here;
 * past either bound the newest matches are ranked instead.
 */
export const EXACT_LIMIT = { counted: 30_000, scored: 3_000 };

/**
 * Common terms are ranked by BM25 among the newest matches (chunk ids grow
 * with indexing: the most recently added documents). The window shrinks as
 * terms are added, since each term is counted in every row of it.
 */
export const windowFor = (terms: number): number => Math.max(400, Math.floor(3000 / (terms + 1)));

/** The two bounds above (a test sets small ones to reach the windowed ranking on a small base). */
export interface KeywordTuning {
  exactLimit: { counted: number; scored: number };
  window: (terms: number) => number;
}
const TUNING: KeywordTuning = { exactLimit: EXACT_LIMIT, window: windowFor };

/**
 * FTS5 over the pre-segmented text, BM25-ranked; all terms first, any term
 * when nothing has all. Chunks holding the query verbatim (ignoring spaces)
 * move to the front: a quoted phrase should find its own passage first.
 */
export function keywordSearch(
  db: Db,
  kbId: number,
  query: string,
  k: number,
  filters?: SearchFilters,
  tuning: KeywordTuning = TUNING,
): { hits: RankedChunk[]; highlights: string[] } {
  const q = segmentQuery(query);
  if (!q.all) return { hits: [], highlights: [] };
  let rows = ranked(db, kbId, { match: q.all, terms: q.terms, requireAll: true }, k, tuning, filters);
  if (!rows.length && q.any !== q.all) rows = ranked(db, kbId, { match: q.any!, terms: q.terms, requireAll: false }, k, tuning, filters);
  const phrase = squeeze(query);
  if (phrase.length >= 2) {
    const exact = rows.filter((r) => squeeze(r.text).includes(phrase));
    rows = [...exact, ...rows.filter((r) => !exact.includes(r))];
  }
  return { hits: rows.map((r, i) => ({ chunkId: r.chunkId, rank: i + 1 })), highlights: q.highlights };
}

type Row = { chunkId: number; text: string };

/** The best ids by FTS5's own BM25 over every match (used when the terms are rare). */
function exactRanked(db: Db, match: string, want: number): number[] {
  return db.prepare("SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? ORDER BY bm25(kb_fts) LIMIT ?").pluck().all(match, want) as number[];
}

function exactJoined(db: Db, kbId: number, match: string, k: number, filters?: SearchFilters): number[] {
  const f = filterSql(filters);
  return db
    .prepare(
      `SELECT c.id FROM kb_fts JOIN kb_chunks c ON c.id = kb_fts.rowid JOIN kb_contents ct ON ct.id = c.content_id
       WHERE kb_fts MATCH ? AND ${IN_BASE}${f.where} ORDER BY bm25(kb_fts) LIMIT ?`,
    )
    .pluck()
    .all(match, kbId, ...f.params, k) as number[];
}

/**
 * The best `k` chunks of the base for one MATCH expression: exactly when
 * the terms are rare, else among the newest matches. The ranking runs on
 * the FTS table alone (joins cost more per row than the ranking); the base
 * and the filters are checked on the best few, and only when too few of
 * those pass (a small base beside a large one) is the ranking redone with
 * them inside it.
 */
function ranked(db: Db, kbId: number, expr: { match: string; terms: string[]; requireAll: boolean }, k: number, tuning: KeywordTuning, filters?: SearchFilters): Row[] {
  const { match, terms, requireAll } = expr;
  const { stats, df, averageBytes } = termFrequencies(db, terms);
  if (requireAll && df.some((n) => n === 0)) return [];
  const want = Math.max(k * 4, 100);
  const counted = df.reduce((a, b) => a + b, 0);
  // An AND has at most as many matches as its rarest term; an OR as many as all its terms.
  const scored = requireAll ? Math.min(...df) : counted;
  const exact = counted <= tuning.exactLimit.counted && scored <= tuning.exactLimit.scored;
  const window = tuning.window(terms.length);
  const q: WindowQuery = { match, terms, idf: df.map((n) => idf(stats.rows, n)), requireAll, avgBytes: exact ? 1 : averageBytes() };
  const best = exact ? exactRanked(db, match, want) : windowRanked(db, q, window, want);
  if (!best.length) return [];
  const rows = inBase(db, kbId, best, filters);
  // Every match was ranked and all that are in the base passed: nothing better is left out.
  const complete = best.length < want && (exact || best.length < window);
  const ids = rows.size >= k || complete ? best.filter((id) => rows.has(id)) : exact ? exactJoined(db, kbId, match, k, filters) : windowRanked(db, q, window, k, { kbId, filters });
  return ids.slice(0, k).flatMap((id) => {
    const text = rows.get(id) ?? textOf(db, id);
    return text === undefined ? [] : [{ chunkId: id, text }];
  });
}

/** Those of `ids` in the base and passing the filters, with their text. */
function inBase(db: Db, kbId: number, ids: number[], filters?: SearchFilters): Map<number, string> {
  const f = filterSql(filters);
  const rows = db
    .prepare(`SELECT c.id, c.text FROM kb_chunks c JOIN kb_contents ct ON ct.id = c.content_id WHERE c.id IN (SELECT value FROM json_each(?)) AND ${IN_BASE}${f.where}`)
    .raw()
    .all(JSON.stringify(ids), kbId, ...f.params) as [number, string][];
  return new Map(rows);
}

const textOf = (db: Db, id: number): string | undefined => db.prepare("SELECT text FROM kb_chunks WHERE id = ?").pluck().get(id) as string | undefined;
