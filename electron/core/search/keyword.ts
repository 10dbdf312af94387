import type { Db } from "../store/open-store";
import { filterSql, IN_BASE } from "./filters";
import { segmentQuery } from "./segment";
import type { SearchFilters } from "./types";

export interface RankedChunk {
  chunkId: number;
  rank: number;
}

const squeeze = (t: string): string => t.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * How many matches are ranked at most. FTS5 computes BM25 for every row
 * that matches before ORDER BY … LIMIT can apply, so a query made only of
 * very common terms (工作, 管理) ranked 400,000 rows at a million chunks
 * (~0.5–1 s). Beyond this many matches the ranking runs over the newest
 * CANDIDATES of them (chunk ids grow with indexing: the most recently added
 * documents), still by BM25 with the terms' real rarity. A query with one
 * rare term has few matches and is ranked exactly.
 */
export const CANDIDATES = 4000;

/**
 * FTS5 over the pre-segmented text, BM25-ranked; all terms first, any term
 * when nothing has all. Chunks holding the query verbatim (ignoring spaces)
 * move to the front: a quoted phrase should find its own passage first.
 */
export function keywordSearch(db: Db, kbId: number, query: string, k: number, filters?: SearchFilters): { hits: RankedChunk[]; highlights: string[] } {
  const q = segmentQuery(query);
  if (!q.all) return { hits: [], highlights: [] };
  let rows = ranked(db, kbId, q.all, k, filters);
  if (!rows.length && q.any !== q.all) rows = ranked(db, kbId, q.any!, k, filters);
  const phrase = squeeze(query);
  if (phrase.length >= 2) {
    const exact = rows.filter((r) => squeeze(r.text).includes(phrase));
    rows = [...exact, ...rows.filter((r) => !exact.includes(r))];
  }
  return { hits: rows.map((r, i) => ({ chunkId: r.chunkId, rank: i + 1 })), highlights: q.highlights };
}

type Row = { chunkId: number; text: string };

/**
 * The best `k` chunks of the base for one MATCH expression: exactly when
 * matches are few, else among the newest CANDIDATES. BM25 runs on the FTS
 * table alone (joins cost more per row than the ranking); the base and the
 * filters are checked on the best few, and only when too few of those pass
 * (a small base beside a large one) is the ranking redone with them.
 */
function ranked(db: Db, kbId: number, match: string, k: number, filters?: SearchFilters): Row[] {
  // Walking the matches in rowid order (newest first) costs little per row and stops after CANDIDATES + 1.
  const probe = db.prepare("SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rowid DESC LIMIT ?").pluck().all(match, CANDIDATES + 1) as number[];
  if (!probe.length) return [];
  const floor = probe.length > CANDIDATES ? probe[CANDIDATES - 1]! : 0;
  const want = Math.max(k * 4, 100);
  const best = db.prepare("SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? AND rowid >= ? ORDER BY bm25(kb_fts) LIMIT ?").pluck().all(match, floor, want) as number[];
  const f = filterSql(filters);
  const passing = db
    .prepare(`SELECT c.id AS chunkId, c.text FROM kb_chunks c JOIN kb_contents ct ON ct.id = c.content_id WHERE c.id IN (SELECT value FROM json_each(?)) AND ${IN_BASE}${f.where}`)
    .all(JSON.stringify(best), kbId, ...f.params) as Row[];
  if (passing.length >= k || (best.length < want && !floor)) {
    const byId = new Map(passing.map((r) => [r.chunkId, r]));
    return best.flatMap((id) => byId.get(id) ?? []).slice(0, k);
  }
  const joined = (lowest: number): Row[] =>
    db
      .prepare(
        `SELECT c.id AS chunkId, c.text FROM kb_fts JOIN kb_chunks c ON c.id = kb_fts.rowid JOIN kb_contents ct ON ct.id = c.content_id
         WHERE kb_fts MATCH ? AND kb_fts.rowid >= ? AND ${IN_BASE}${f.where} ORDER BY bm25(kb_fts) LIMIT ?`,
      )
      .all(match, lowest, kbId, ...f.params, k) as Row[];
  const windowed = joined(floor);
  return windowed.length >= k || !floor ? windowed : joined(0);
}
