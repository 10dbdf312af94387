import type { Db } from "../store/open-store";
import { filterSql, IN_BASE } from "./filters";
import type { SearchFilters } from "./types";

/** BM25's parameters, FTS5's defaults. */
const K1 = 1.2;
const B = 0.75;

export interface WindowQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  /** Its terms, unquoted, with their inverse document frequencies. */
  terms: string[];
  idf: number[];
  /** AND query: every row holds every term, so a term counted 0 times (split by a line break, full-width letters) counts once. */
  requireAll: boolean;
  /** Average UTF-8 bytes per chunk, for BM25's length normalisation. */
  avgBytes: number;
}

/**
 * Occurrences of the i-th term in the chunk text, as an SQL expression over
 * `c.text`: the bytes replace() removes, over the term's bytes. Counted in
 * bytes, not characters: length() of a text walks it to count characters,
 * a third of the ranking's time over a window; octet_length() reads the
 * size SQLite already has. (lower() keeps byte lengths: it folds ASCII only.)
 */
function tfSql(term: string, requireAll: boolean): string {
  const text = /[a-z]/.test(term) ? "lower(c.text)" : "c.text";
  const count = `(octet_length(${text}) - octet_length(replace(${text}, ?, ''))) / ${Buffer.byteLength(term)}.0`;
  return requireAll ? `max(1, ${count})` : count;
}

/**
 * BM25 over the newest `window` matches, computed by SQLite in one
 * statement: term counts from the chunk text, lengths in bytes against
 * the average, each term weighted by its estimated rarity. With `kbId` the
 * window is the newest matches inside that base (and filters); without, of
 * the whole index, and the caller checks the base on the best rows.
 * Returns chunk ids, best first.
 */
export function windowRanked(db: Db, q: WindowQuery, window: number, want: number, scope?: { kbId: number; filters?: SearchFilters }): number[] {
  const f = scope ? filterSql(scope.filters) : null;
  const newest = f
    ? `SELECT f.rowid AS id FROM kb_fts f JOIN kb_chunks c ON c.id = f.rowid JOIN kb_contents ct ON ct.id = c.content_id
       WHERE kb_fts MATCH ? AND ${IN_BASE}${f.where} ORDER BY f.rowid DESC LIMIT ?`
    : "SELECT rowid AS id FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rowid DESC LIMIT ?";
  const tfs = q.terms.map((t, i) => `${tfSql(t, q.requireAll)} AS t${i}`);
  const norm = `${K1} * (1 - ${B} + ${B} * octet_length(c.text) / ?)`;
  const score = q.terms.map((_, i) => `${q.idf[i]!} * t${i} * ${K1 + 1} / (t${i} + n)`).join(" + ");
  const sql = `WITH m AS (${newest}),
    s AS MATERIALIZED (SELECT c.id AS id, ${tfs.join(", ")}, ${norm} AS n FROM m JOIN kb_chunks c ON c.id = m.id)
    SELECT id FROM s ORDER BY ${score} DESC, id DESC LIMIT ?`;
  const params = [q.match, ...(scope ? [scope.kbId, ...f!.params] : []), window, ...q.terms, q.avgBytes, want];
  return db.prepare(sql).pluck().all(...params) as number[];
}
