import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/open-store";
import { tempDir } from "../testing/temp-dir";
import { quantize } from "./bit-index";
import { existsSync } from "node:fs";
import { checkpointVectorLog, dropVectorIndexes, hammingCandidates, indexFilePath } from "./vector-index";
import { putVector, vecTable, vectorSearch } from "./vector";

let store: Store;
let cleanup: () => void;
let dir: string;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  dir = t.dir;
  store = openStore(t.dir);
});
afterEach(() => {
  store.close();
  cleanup();
});

function randomUnit(seed: number, dim: number): Float32Array {
  let s = seed;
  const v = Float32Array.from({ length: dim }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe("bit index", () => {
  it("quantises exactly like sqlite-vec's vec_quantize_binary", () => {
    const v = randomUnit(7, 64);
    const sql = store.db.prepare("SELECT vec_quantize_binary(?) AS q").get(Buffer.from(v.buffer)) as { q: Buffer };
    expect(Buffer.from(quantize(v).buffer)).toEqual(sql.q);
  });

  it("finds a stored vector's own chunk first, and sees new vectors after a write", () => {
    const table = vecTable(store.db, 64);
    const vs = Array.from({ length: 500 }, (_, i) => randomUnit(i + 1, 64));
    vs.forEach((v, i) => putVector(store.db, table, i + 1, v));
    expect(hammingCandidates(store.db, vs[41]!, 5)).toContain(42);
    const fresh = randomUnit(9999, 64);
    putVector(store.db, table, 777, fresh);
    expect(hammingCandidates(store.db, fresh, 3)).toContain(777);
    // vectorSearch rescoring needs chunks of a base; the candidate stage alone is checked here.
    expect(vectorSearch(store.db, 1, fresh, 3)).toEqual([]);
  });

  it("scans only the base's rows: a small base is not crowded out by a large one's nearer vectors", () => {
    const db = store.db;
    db.exec(`INSERT INTO kb_bases(id, name, created_at) VALUES (1, 'big', 0), (2, 'small', 0);
             INSERT INTO kb_contents(id, sha256, format, title, page_count, chunk_count) VALUES (1, 'a', 'txt', 'A', 1, 300), (2, 'b', 'txt', 'B', 1, 1);
             INSERT INTO kb_documents(kb_id, path, content_id, status) VALUES (1, '/a', 1, 'ready'), (2, '/b', 2, 'ready');`);
    const table = vecTable(db, 64);
    const q = randomUnit(5, 64);
    const chunk = db.prepare("INSERT INTO kb_chunks(id, content_id, seq, text, pages, heading_path, tokens) VALUES (?, ?, ?, 'x', '[1]', '[]', 1)");
    for (let i = 1; i <= 300; i++) {
      chunk.run(i, 1, i);
      putVector(db, table, i, q);
    }
    chunk.run(301, 2, 0);
    putVector(db, table, 301, randomUnit(77, 64));
    expect(vectorSearch(db, 2, q, 3)).toEqual([{ chunkId: 301, rank: 1 }]);
    expect(vectorSearch(db, 1, q, 3).map((h) => h.chunkId).every((id) => id <= 300)).toBe(true);
  });

  it("searches never write the database; writers trim the log behind a snapshot another connection starts from", () => {
    const db = store.db;
    const table = vecTable(db, 16);
    const vs = Array.from({ length: 10_050 }, (_, i) => randomUnit(i + 1, 16));
    db.transaction(() => vs.forEach((v, i) => putVector(db, table, i + 1, v)))();
    const logged = (): number => (db.prepare("SELECT count(*) AS n FROM kb_vec_log WHERE dim = 16").get() as { n: number }).n;
    const changes = (): number => (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    expect(logged()).toBe(10_050);

    // A search (a read): it scans, and may write the snapshot file, but changes no row.
    const before = changes();
    expect(hammingCandidates(db, vs[99]!, 5)).toContain(100);
    expect(changes()).toBe(before);
    expect(logged()).toBe(10_050);
    expect(existsSync(indexFilePath(db, 16)!)).toBe(true);

    // The writers' checkpoint trims the log behind the snapshot.
    checkpointVectorLog(db);
    expect(logged()).toBe(0);

    // A write after the checkpoint, then a fresh connection: snapshot plus the one logged write.
    const fresh = randomUnit(424242, 16);
    putVector(db, table, 20_000, fresh);
    const other = openStore(dir);
    try {
      dropVectorIndexes(other.db);
      expect(hammingCandidates(other.db, fresh, 3)).toContain(20_000);
      expect(hammingCandidates(other.db, vs[5000]!, 5)).toContain(5001);
    } finally {
      other.close();
    }
  });
});
