import type { Db } from "../../electron/core/store/open-store";
import { createBase, findBase } from "../../electron/core/ingest/kb-repo";
import { vecTable } from "../../electron/core/search/vector";
import { centroids, nearVector, rng, type SynthText } from "./synth";

export const PER_DOC = 100;
export const TOPICS = 2000;

const blob = (v: Float32Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Fills a fresh GovDesk database (made by the real migrations) with `n`
 * chunks in documents of PER_DOC: contents, documents, chunks, FTS rows and
 * both vector tables, in the layout ingestion writes. Deterministic.
 */
export function buildBase(db: Db, synth: SynthText, n: number, dim: number): void {
  const base = findBase(db, "bench") ?? createBase(db, "bench");
  const table = vecTable(db, dim);
  const cents = centroids(TOPICS, dim, rng(2));
  const rand = rng(3);
  const insContent = db.prepare("INSERT INTO kb_contents(sha256, format, title, page_count, chunk_count, issuer, doc_date) VALUES (?, 'pdf', ?, 10, ?, ?, ?)");
  const insDoc = db.prepare("INSERT INTO kb_documents(kb_id, path, size, mtime, sha256, content_id, status, indexed_at) VALUES (?, ?, 1, 1, ?, ?, 'ready', 1)");
  const insChunk = db.prepare("INSERT INTO kb_chunks(content_id, seq, text, pages, heading_path, tokens) VALUES (?, ?, ?, '[1]', '[]', ?)");
  const insFts = db.prepare("INSERT INTO kb_fts(rowid, body) VALUES (?, ?)");
  const insVec = db.prepare(`INSERT INTO ${table}(rowid, bq) VALUES (?, vec_quantize_binary(?))`);
  const insVecF = db.prepare(`INSERT INTO kb_vecf_${dim}(id, embedding) VALUES (?, ?)`);
  const t0 = Date.now();
  const docs = Math.ceil(n / PER_DOC);
  const batch = db.transaction((from: number, to: number) => {
    for (let d = from; d < to; d++) {
      const sha = `bench-${d}`;
      const count = Math.min(PER_DOC, n - d * PER_DOC);
      const topic = synth.topic(rand);
      const title = synth.title(rand, topic);
      const titleWords = [...segmenter.segment(title)].map((s) => s.segment);
      const centroid = cents[Math.floor(rand() * cents.length)]!;
      const contentId = Number(insContent.run(sha, title, count, `机关${d % 50}`, `20${10 + (d % 15)}-0${1 + (d % 9)}-15`).lastInsertRowid);
      insDoc.run(base.id, `/bench/doc-${d}.pdf`, sha, contentId);
      for (let i = 0; i < count; i++) {
        const c = synth.chunk(rand, topic, title, titleWords);
        const id = Number(insChunk.run(contentId, i, c.text, c.text.length).lastInsertRowid);
        insFts.run(id, c.body);
        const v = nearVector(centroid, rand);
        insVec.run(BigInt(id), blob(v));
        insVecF.run(id, blob(v));
      }
    }
  });
  // One transaction per document, as ingestion commits one per file: the FTS index ends up in
  // the segments (automerged, never 'optimize'd) that a real base has.
  db.pragma("synchronous = OFF");
  for (let d = 0; d < docs; d++) {
    batch(d, d + 1);
    if (d % 100 === 0) process.stderr.write(`\rbuilding: ${Math.min(n, (d + 1) * PER_DOC)} / ${n} chunks, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  db.pragma("synchronous = NORMAL");
  db.pragma("wal_checkpoint(TRUNCATE)");
  process.stderr.write(`\rbuilt ${n} chunks in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
