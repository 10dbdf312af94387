import type { Db } from "../store/open-store";
import { bumpVectors, hammingCandidates } from "./bit-index";
import { filterSql, IN_BASE } from "./filters";
import type { RankedChunk } from "./keyword";
import type { SearchFilters } from "./types";

/**
 * Vectors of one dimension live in two tables, created on first use (vec0
 * needs the dimension up front): kb_vec_<dim>, a vec0 table of sign bits
 * (binary quantisation: 48 bytes for 384 dims, scanned by Hamming distance),
 * and kb_vecf_<dim>, the float vectors in a plain table for rescoring the
 * candidates by cosine (point reads from vec0 cost ~0.4 ms each; from a
 * rowid table, microseconds).
 */
export function vecTable(db: Db, dim: number): string {
  if (!Number.isInteger(dim) || dim < 1 || dim > 8192) throw new Error(`bad embedding dimension ${dim}`);
  const name = `kb_vec_${dim}`;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING vec0(bq bit[${dim}]);
           CREATE TABLE IF NOT EXISTS kb_vecf_${dim} (id INTEGER PRIMARY KEY, embedding BLOB NOT NULL);`);
  return name;
}

export function vecTableExists(db: Db, dim: number): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(`kb_vec_${dim}`);
}

/** vec0 ignores INSERT OR REPLACE: delete, then insert. */
export function putVector(db: Db, table: string, chunkId: number, v: Float32Array): void {
  const dim = table.slice("kb_vec_".length);
  const blob = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(BigInt(chunkId));
  db.prepare(`INSERT INTO ${table}(rowid, bq) VALUES (?, vec_quantize_binary(?))`).run(BigInt(chunkId), blob);
  db.prepare(`INSERT OR REPLACE INTO kb_vecf_${dim}(id, embedding) VALUES (?, ?)`).run(chunkId, blob);
  bumpVectors(db);
}

/** Removes a chunk's vectors from every dimension's tables. */
export function deleteVectors(db: Db, chunkIds: number[]): void {
  const dims = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'kb_vecf_[0-9]*'").all() as { name: string }[]).map((r) => r.name.slice("kb_vecf_".length));
  for (const dim of dims) {
    const a = db.prepare(`DELETE FROM kb_vec_${dim} WHERE rowid = ?`);
    const b = db.prepare(`DELETE FROM kb_vecf_${dim} WHERE id = ?`);
    for (const id of chunkIds) {
      a.run(BigInt(id));
      b.run(id);
    }
  }
  if (dims.length && chunkIds.length) bumpVectors(db);
}

/**
 * Hamming distance over the sign bits for `k × oversample` candidates (in
 * memory, see bit-index.ts), exact cosine rescoring of those on the float
 * vectors, then the base's filters. Recall against exact float KNN is
 * reported by bench/search.
 */
export function vectorSearch(db: Db, kbId: number, v: Float32Array, k: number, filters?: SearchFilters, oversample = 32): RankedChunk[] {
  if (!vecTableExists(db, v.length)) return [];
  const dim = v.length;
  const f = filterSql(filters);
  const blob = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  // Contents of the base that pass the filters: the scan skips every other row.
  const ok = db
    .prepare(`SELECT ct.id FROM kb_contents ct WHERE ct.id IN (SELECT d.content_id FROM kb_documents d WHERE d.kb_id = ? AND d.status IN ('ready','needs_ocr'))${f.where}`)
    .all(kbId, ...f.params) as { id: number }[];
  if (!ok.length) return [];
  const inBase = new Uint8Array(ok.reduce((m, r) => Math.max(m, r.id), 0) + 1);
  for (const r of ok) inBase[r.id] = 1;
  const cand = hammingCandidates(db, v, Math.max(k * oversample, 100), inBase);
  if (!cand.length) return [];
  // Two simple queries (rescore, then filter) plan far better than one joined query over the IN list.
  const scored = db
    .prepare(`SELECT id, vec_distance_cosine(embedding, ?) AS dist FROM kb_vecf_${dim} WHERE id IN (${cand.map(() => "?").join(",")}) ORDER BY dist`)
    .all(blob, ...cand) as { id: number }[];
  const allowed = new Set(
    (
      db
        .prepare(`SELECT c.id FROM kb_chunks c CROSS JOIN kb_contents ct ON ct.id = c.content_id WHERE c.id IN (${cand.map(() => "?").join(",")}) AND ${IN_BASE}${f.where}`)
        .all(...cand, kbId, ...f.params) as { id: number }[]
    ).map((r) => r.id),
  );
  const rows = scored.filter((r) => allowed.has(r.id)).slice(0, k).map((r) => ({ chunkId: r.id }));
  return rows.map((r, i) => ({ chunkId: r.chunkId, rank: i + 1 }));
}
