import type { Db } from "../store/open-store";
import { hammingCandidates, logVectorWrite, startHammingCandidates } from "./vector-index";
import { filterSql } from "./filters";
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
  logVectorWrite(db, Number(dim), chunkId, true);
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
      logVectorWrite(db, Number(dim), id, false);
    }
  }
}

/**
 * Contents of the base that pass the filters, as a lookup by content id
 * (the scan skips every other row). Cached per connection until the
 * database changes (this connection's writes or another's commits).
 */
const allowedCache = new WeakMap<Db, { key: string; allowed: Uint8Array | null }>();

function allowedContents(db: Db, kbId: number, filters?: SearchFilters): Uint8Array | null {
  const version = db.prepare("SELECT total_changes() AS t").get() as { t: number };
  const key = `${kbId}|${JSON.stringify(filters ?? {})}|${db.pragma("data_version", { simple: true }) as number}|${version.t}`;
  const hit = allowedCache.get(db);
  if (hit?.key === key) return hit.allowed;
  const f = filterSql(filters);
  const ids = db
    .prepare(`SELECT ct.id FROM kb_contents ct WHERE ct.id IN (SELECT d.content_id FROM kb_documents d WHERE d.kb_id = ? AND d.status IN ('ready','needs_ocr'))${f.where}`)
    .pluck()
    .all(kbId, ...f.params) as number[];
  let allowed: Uint8Array | null = null;
  if (ids.length) {
    allowed = new Uint8Array(ids.reduce((m, id) => Math.max(m, id), 0) + 1);
    for (const id of ids) allowed[id] = 1;
  }
  allowedCache.set(db, { key, allowed });
  return allowed;
}

/**
 * Hamming distance over all the sign bits for `k × oversample` candidates
 * among the base's rows (in memory: bit-index.ts, vector-index.ts), then
 * exact cosine rescoring of those on the float vectors. Recall against
 * exact float KNN is reported by bench/search.
 */
export function vectorSearch(db: Db, kbId: number, v: Float32Array, k: number, filters?: SearchFilters, oversample = 16): RankedChunk[] {
  if (!vecTableExists(db, v.length)) return [];
  const allowed = allowedContents(db, kbId, filters);
  return allowed ? rescore(db, v, hammingCandidates(db, v, candidatesFor(k, oversample), allowed), k) : [];
}

/**
 * vectorSearch in two halves, for a caller with other work to do meanwhile:
 * the bit scan starts now, on the scan thread when the index is large
 * (scan-thread.ts), and the function returned waits for it and rescores.
 * hybridSearch ranks keywords in between. Nothing may write vectors before
 * the result is taken.
 */
export function startVectorSearch(db: Db, kbId: number, v: Float32Array, k: number, filters?: SearchFilters, oversample = 16): () => RankedChunk[] {
  if (!vecTableExists(db, v.length)) return () => [];
  const allowed = allowedContents(db, kbId, filters);
  if (!allowed) return () => [];
  const candidates = startHammingCandidates(db, v, candidatesFor(k, oversample), allowed);
  return () => rescore(db, v, candidates(), k);
}

const candidatesFor = (k: number, oversample: number): number => Math.max(k * oversample, 100);

/** The `k` candidates nearest to `v` by cosine over their float vectors, ranked. */
function rescore(db: Db, v: Float32Array, cand: number[], k: number): RankedChunk[] {
  if (!cand.length) return [];
  const blob = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  const scored = db
    .prepare(`SELECT id FROM kb_vecf_${v.length} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY vec_distance_cosine(embedding, ?) LIMIT ?`)
    .pluck()
    .all(JSON.stringify(cand), blob, k) as number[];
  return scored.map((chunkId, i) => ({ chunkId, rank: i + 1 }));
}
