import { dirname, join } from "node:path";
import type { Db } from "../store/open-store";
import { BitIndex, quantizeInto } from "./bit-index";
import { readIndexFile, writeIndexFile } from "./bit-index-file";

/**
 * Keeps each connection's in-memory BitIndex in step with the database.
 * Every vector write appends to kb_vec_log (logVectorWrite, in the writer's
 * transaction); before a query the index replays the entries after its own
 * position, whoever wrote them (this connection or another process), so a
 * write costs a row, not a reload. A new process starts from the snapshot
 * file beside the database (bit-index-file.ts) and replays what came after;
 * without a usable file it scans the vectors once and writes one.
 *
 * Reads (kb.search) never write the database: a search may write the
 * snapshot file (a cache beside it), but trimming the log is a write and
 * happens on the writers' side, checkpointVectorLog after a batch of writes
 * (an ingest, a removal), once the log is long enough to be worth it.
 */
const cache = new WeakMap<Db, Map<number, BitIndex>>();
/** Rewrite the snapshot file once this many log entries were replayed since it was read or written; writers trim a log this long. */
const SNAPSHOT_AFTER = 10_000;
const sinceSnapshot = new WeakMap<BitIndex, number>();

export function indexFilePath(db: Db, dim: number): string | null {
  // In-memory and temporary databases have no folder to keep a snapshot in.
  return db.name && db.name !== ":memory:" && !db.memory ? join(dirname(db.name), `kb-vectors-${dim}.idx`) : null;
}

/** Appends to the vector log; call inside the transaction that writes the vector tables. */
export function logVectorWrite(db: Db, dim: number, chunkId: number, put: boolean): void {
  db.prepare("INSERT INTO kb_vec_log(dim, chunk_id, op) VALUES (?, ?, ?)").run(dim, chunkId, put ? 1 : 0);
}

interface LogState {
  dbId: string;
  last: number;
  trimmed: number;
}

function logState(db: Db, dim: number): LogState {
  const r = db
    .prepare(
      `SELECT (SELECT value FROM kb_vec_state WHERE key = 'db_id') AS dbId,
              coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'kb_vec_log'), 0) AS last,
              coalesce((SELECT CAST(value AS INTEGER) FROM kb_vec_state WHERE key = ?), 0) AS trimmed`,
    )
    .get(`trimmed:${dim}`) as LogState;
  return r;
}

/** Every vector of the dimension, read from the database (the slow path: no usable snapshot). */
function scanDatabase(db: Db, dim: number, state: LogState): BitIndex {
  const count = (db.prepare(`SELECT count(*) AS n FROM kb_vec_${dim}`).get() as { n: number }).n;
  const maxChunk = (db.prepare("SELECT coalesce(max(id), 0) AS m FROM kb_chunks").get() as { m: number }).m;
  const contentOf = new Int32Array(maxChunk + 1);
  for (const r of db.prepare("SELECT id, content_id AS c FROM kb_chunks").iterate() as Iterable<{ id: number; c: number }>) contentOf[r.id] = r.c;
  const ix = new BitIndex(dim, count);
  const bytes = Math.ceil(dim / 8);
  let n = 0;
  ix.fill(count, (ids, contents, bits) => {
    for (const row of db.prepare(`SELECT rowid AS id, bq FROM kb_vec_${dim}`).iterate() as Iterable<{ id: number | bigint; bq: Buffer }>) {
      if (n >= count) break;
      const id = Number(row.id);
      ids[n] = id;
      contents[n] = id < contentOf.length ? contentOf[id]! : 0;
      bits.set(row.bq.subarray(0, bytes), n * ix.stride);
      n++;
    }
  });
  if (n < count) throw new Error(`vector table changed while it was read (${n} of ${count})`);
  ix.seq = state.last;
  return ix;
}

/** Applies the log entries after the index's position; returns how many. */
function replay(db: Db, ix: BitIndex, last: number): number {
  const bits = new Uint8Array(ix.stride);
  let applied = 0;
  const rows = db
    .prepare(
      `SELECT l.chunk_id AS id, l.op, f.embedding AS e, c.content_id AS c
       FROM kb_vec_log l
       LEFT JOIN kb_vecf_${ix.dim} f ON l.op = 1 AND f.id = l.chunk_id
       LEFT JOIN kb_chunks c ON l.op = 1 AND c.id = l.chunk_id
       WHERE l.dim = ? AND l.seq > ? AND l.seq <= ? ORDER BY l.seq`,
    )
    .iterate(ix.dim, ix.seq, last) as Iterable<{ id: number; op: number; e: Buffer | null; c: number | null }>;
  for (const r of rows) {
    applied++;
    // A put whose vector is gone was deleted later in the log: that entry removes it.
    if (r.op === 1 && r.e) ix.put(r.id, r.c ?? 0, quantizeInto(new Float32Array(r.e.buffer.slice(r.e.byteOffset, r.e.byteOffset + r.e.byteLength)), bits));
    else ix.remove(r.id);
  }
  ix.seq = last;
  return applied;
}

/** Writes the snapshot file (not the database); false when it could not (read-only folder …: keep serving from memory). */
function snapshot(db: Db, ix: BitIndex, state: LogState): boolean {
  const path = indexFilePath(db, ix.dim);
  if (!path) return false;
  try {
    writeIndexFile(path, ix, state.dbId);
    sinceSnapshot.set(ix, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The writers' side of the log: for each dimension whose log holds enough
 * entries, brings this connection's index up to date, writes its snapshot
 * and trims the log behind it, so the next process reads the file and
 * replays little. Call after a batch of vector writes, outside their
 * transaction. A failure (a busy database, no folder) only means the next
 * process replays more.
 */
export function checkpointVectorLog(db: Db): void {
  let dims: { dim: number; n: number }[];
  try {
    dims = db.prepare("SELECT dim, count(*) AS n FROM kb_vec_log GROUP BY dim").all() as { dim: number; n: number }[];
  } catch {
    return;
  }
  for (const { dim, n } of dims) {
    if (!indexFilePath(db, dim) || !vecTableExists(db, dim)) continue;
    try {
      const ix = vectorIndex(db, dim);
      if (n < Math.max(SNAPSHOT_AFTER, ix.size / 20)) continue;
      db.transaction(() => {
        const state = logState(db, dim);
        if (state.last !== ix.seq || !snapshot(db, ix, state)) return;
        db.prepare("DELETE FROM kb_vec_log WHERE dim = ? AND seq <= ?").run(dim, ix.seq);
        db.prepare(
          `INSERT INTO kb_vec_state(key, value) VALUES (?, ?)
           ON CONFLICT(key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
        ).run(`trimmed:${dim}`, String(ix.seq));
      }).immediate();
    } catch {
      // busy or closing: the log stays, and is trimmed next time
    }
  }
}

function vecTableExists(db: Db, dim: number): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(`kb_vec_${dim}`);
}

/** The file's index if it is usable, else a database scan (written out as the new snapshot). */
function open(db: Db, dim: number, state: LogState): BitIndex {
  const path = indexFilePath(db, dim);
  const fromFile = path ? readIndexFile(path, dim, { dbId: state.dbId, trimmed: state.trimmed, last: state.last }) : null;
  if (fromFile) return fromFile;
  const ix = scanDatabase(db, dim, state);
  snapshot(db, ix, state);
  return ix;
}

/**
 * This connection's index of `dim`-dimensional vectors, brought up to date:
 * replaying the log, or reopening when the log was trimmed past it (another
 * process wrote a newer snapshot). Reads happen in one transaction, so the
 * state and the rows agree.
 */
export function vectorIndex(db: Db, dim: number): BitIndex {
  let byDim = cache.get(db);
  if (!byDim) cache.set(db, (byDim = new Map()));
  return db.transaction(() => {
    const state = logState(db, dim);
    let ix = byDim.get(dim);
    if (!ix || state.trimmed > ix.seq || state.last < ix.seq) {
      ix = open(db, dim, state);
      byDim.set(dim, ix);
    }
    if (state.last > ix.seq) {
      const applied = replay(db, ix, state.last) + (sinceSnapshot.get(ix) ?? 0);
      sinceSnapshot.set(ix, applied);
      if (applied >= Math.max(SNAPSHOT_AFTER, ix.size / 20)) snapshot(db, ix, state);
    }
    return ix;
  })();
}

/** Forgets this connection's indexes (tests; a database replaced underneath). */
export function dropVectorIndexes(db: Db): void {
  cache.delete(db);
}

/** The ids of the ~`count` chunks nearest to `v` by Hamming distance, among rows of allowed contents. */
export function hammingCandidates(db: Db, v: Float32Array, count: number, allowed?: Uint8Array): number[] {
  return vectorIndex(db, v.length).nearest(v, count, allowed);
}

/** hammingCandidates, started now and finished by the function returned (the scan may run on another thread meanwhile: BitIndex.startNearest). */
export function startHammingCandidates(db: Db, v: Float32Array, count: number, allowed?: Uint8Array): () => number[] {
  return vectorIndex(db, v.length).startNearest(v, count, allowed);
}
