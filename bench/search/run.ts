/**
 * Hybrid search latency on a synthetic base: `npx tsx bench/search/run.ts [--n 1000000] [--dim 384] [--queries 300] [--dir /tmp/x]`.
 * Builds (or reuses) a real GovDesk database (migrations, FTS5 over
 * pre-segmented text, vec0 with float + binary-quantised columns), then
 * times `hybridSearch` (keyword + vector KNN by Hamming distance, cosine
 * rescoring, RRF, hit loading with snippets): p50 / p95 / max and memory.
 * Also reports recall@10 of the quantised search against exact float KNN.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openStore, type Db } from "../../electron/core/store/open-store";
import { createBase, findBase } from "../../electron/core/ingest/kb-repo";
import { segmentForIndex } from "../../electron/core/search/segment";
import { hybridSearch } from "../../electron/core/search/hybrid";
import { vecTable, vectorSearch } from "../../electron/core/search/vector";
import { centroids, chunkText, clusteredVector, rng, vocabulary } from "./synth";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "1000000" },
    dim: { type: "string", default: "384" },
    queries: { type: "string", default: "300" },
    dir: { type: "string" },
  },
});
const N = Number(args.n);
const DIM = Number(args.dim);
const Q = Number(args.queries);
const DIR = args.dir ?? `/tmp/govdesk-bench-search-${N}-${DIM}`;
const PER_DOC = 100;

const words = vocabulary(20_000, rng(1));
const cents = centroids(2000, DIM, rng(2));
const blob = (v: Float32Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

function build(db: Db): void {
  const base = findBase(db, "bench") ?? createBase(db, "bench");
  const table = vecTable(db, DIM);
  const rand = rng(3);
  const insContent = db.prepare("INSERT INTO kb_contents(sha256, format, title, page_count, chunk_count, issuer, doc_date) VALUES (?, 'pdf', ?, 10, ?, ?, ?)");
  const insDoc = db.prepare("INSERT INTO kb_documents(kb_id, path, size, mtime, sha256, content_id, status, indexed_at) VALUES (?, ?, 1, 1, ?, ?, 'ready', 1)");
  const insChunk = db.prepare("INSERT INTO kb_chunks(content_id, seq, text, pages, heading_path, tokens) VALUES (?, ?, ?, '[1]', '[]', 80)");
  const insFts = db.prepare("INSERT INTO kb_fts(rowid, body) VALUES (?, ?)");
  const insVec = db.prepare(`INSERT INTO ${table}(rowid, bq) VALUES (?, vec_quantize_binary(?))`);
  const insVecF = db.prepare(`INSERT INTO kb_vecf_${DIM}(id, embedding) VALUES (?, ?)`);
  const t0 = Date.now();
  const docs = Math.ceil(N / PER_DOC);
  const batch = db.transaction((from: number, to: number) => {
    for (let d = from; d < to; d++) {
      const sha = `bench-${d}`;
      const n = Math.min(PER_DOC, N - d * PER_DOC);
      const contentId = Number(insContent.run(sha, `文件${d}`, n, `机关${d % 50}`, `20${10 + (d % 15)}-0${1 + (d % 9)}-15`).lastInsertRowid);
      insDoc.run(base.id, `/bench/doc-${d}.pdf`, sha, contentId);
      for (let i = 0; i < n; i++) {
        const text = chunkText(words, rand).join("") + "。";
        const id = Number(insChunk.run(contentId, i, text).lastInsertRowid);
        insFts.run(id, segmentForIndex(text));
        const v = clusteredVector(cents, rand);
        insVec.run(BigInt(id), blob(v));
        insVecF.run(id, blob(v));
      }
    }
  });
  for (let d = 0; d < docs; d += 100) {
    batch(d, Math.min(docs, d + 100));
    if (d % 1000 === 0) process.stderr.write(`\rbuilding: ${Math.min(N, (d + 100) * PER_DOC)} / ${N} chunks, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  process.stderr.write(`\nbuilt ${N} chunks in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const fresh = !existsSync(join(DIR, "govdesk.db"));
mkdirSync(DIR, { recursive: true });
const store = openStore(DIR);
const db = store.db;
if (fresh) build(db);
const count = (db.prepare("SELECT count(*) AS n FROM kb_chunks").get() as { n: number }).n;
if (count !== N) throw new Error(`${DIR} holds ${count} chunks, not ${N}: remove it to rebuild`);
const kbId = findBase(db, "bench")!.id;

// Queries: two words of a random chunk, and a vector near that chunk's topic.
const qr = rng(99);
const queries = Array.from({ length: Q }, () => {
  const id = 1 + Math.floor(qr() * N);
  const text = (db.prepare("SELECT text FROM kb_chunks WHERE id = ?").get(id) as { text: string }).text;
  const start = Math.floor(qr() * (text.length - 6));
  return { text: text.slice(start, start + 4), vector: clusteredVector(cents, qr) };
});

// Warm-up (page cache), then timed runs.
for (const q of queries.slice(0, 20)) hybridSearch(db, kbId, q.text, q.vector, { k: 10 });
const times: number[] = [];
const kwTimes: number[] = [];
const vecTimes: number[] = [];
for (const q of queries) {
  let t = process.hrtime.bigint();
  hybridSearch(db, kbId, q.text, q.vector, { k: 10 });
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  hybridSearch(db, kbId, q.text, null, { k: 10 });
  kwTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  vectorSearch(db, kbId, q.vector, 30);
  vecTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
}

// Recall@10 of binary quantisation + float rescoring against exact float KNN (a full scan).
let found = 0;
const RQ = 10;
for (const q of queries.slice(0, RQ)) {
  const exact = db.prepare(`SELECT id FROM kb_vecf_${DIM} ORDER BY vec_distance_cosine(embedding, ?) LIMIT 10`).all(blob(q.vector)) as { id: number }[];
  const approx = new Set(vectorSearch(db, kbId, q.vector, 10).map((h) => h.chunkId));
  found += exact.filter((e) => approx.has(e.id)).length;
}

const mem = process.memoryUsage();
const dbBytes = statSync(join(DIR, "govdesk.db")).size;
const f = (x: number): string => x.toFixed(1);
console.log(`chunks ${N}, dim ${DIM}, queries ${Q} (k = 10)`);
console.log(`hybrid   p50 ${f(pct(times, 50))} ms  p95 ${f(pct(times, 95))} ms  max ${f(Math.max(...times))} ms`);
console.log(`keyword  p50 ${f(pct(kwTimes, 50))} ms  p95 ${f(pct(kwTimes, 95))} ms`);
console.log(`vector   p50 ${f(pct(vecTimes, 50))} ms  p95 ${f(pct(vecTimes, 95))} ms  (bit KNN + cosine rescoring)`);
console.log(`recall@10 vs exact float KNN: ${((found / (RQ * 10)) * 100).toFixed(0)} %`);
console.log(`memory: rss ${f(mem.rss / 1048576)} MB, heap ${f(mem.heapUsed / 1048576)} MB; database ${f(dbBytes / 1048576)} MB`);
console.log(`target p95 <= 50 ms: ${pct(times, 95) <= 50 ? "met" : "NOT met"}`);
store.close();
