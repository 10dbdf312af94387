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
 * FTS5 over the pre-segmented text, BM25-ranked; all terms first, any term
 * when nothing has all. Chunks holding the query verbatim (ignoring spaces)
 * move to the front: a quoted phrase should find its own passage first.
 */
export function keywordSearch(db: Db, kbId: number, query: string, k: number, filters?: SearchFilters): { hits: RankedChunk[]; highlights: string[] } {
  const q = segmentQuery(query);
  if (!q.all) return { hits: [], highlights: [] };
  const f = filterSql(filters);
  const stmt = db.prepare(
    `SELECT c.id AS chunkId, c.text FROM kb_fts JOIN kb_chunks c ON c.id = kb_fts.rowid JOIN kb_contents ct ON ct.id = c.content_id
     WHERE kb_fts MATCH ? AND ${IN_BASE}${f.where} ORDER BY bm25(kb_fts) LIMIT ?`,
  );
  type Row = { chunkId: number; text: string };
  let rows = stmt.all(q.all, kbId, ...f.params, k) as Row[];
  if (!rows.length && q.any !== q.all) rows = stmt.all(q.any, kbId, ...f.params, k) as Row[];
  const phrase = squeeze(query);
  if (phrase.length >= 2) {
    const exact = rows.filter((r) => squeeze(r.text).includes(phrase));
    rows = [...exact, ...rows.filter((r) => !exact.includes(r))];
  }
  return { hits: rows.map((r, i) => ({ chunkId: r.chunkId, rank: i + 1 })), highlights: q.highlights };
}
