/**
 * Search latency at scale: `npx tsx bench/search/run.ts [--n 1000000] [--dim 384] [--queries 300] [--cold-runs 3] [--dir …] [--build-only] [--no-scan-thread]`.
 *
 * Builds once (reused from /tmp/govdesk-bench-search2-<n>-<dim>) a real
 * GovDesk database of corpus-like text (see build.ts, synth.ts), then:
 *   cold  new processes each open the database and run one hybrid query
 *         (the vector index comes from its snapshot file) and one
 *         common-term keyword query;
 *   warm  a mix of realistic queries (queries.ts) through hybridSearch,
 *         keyword only and vector only, with sqlite-vec's own bit KNN over
 *         the same vectors beside each query as the baseline (paired);
 *         hybrid's bit scan runs on the scan thread once it is up, as in
 *         the app (--no-scan-thread: on the caller's thread, for comparison);
 *   write 1,000 vectors written and removed through the product's writer,
 *         then the next query's time (the index catches up, no reload);
 * plus recall@10 against exact float KNN. Exits 1 when a goal is missed:
 * hybrid p95 <= 35 ms, common-term keyword p95 <= 50 ms, cold first query <= 1 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openStore } from "../../electron/core/store/open-store";
import { findBase } from "../../electron/core/ingest/kb-repo";
import { hybridSearch } from "../../electron/core/search/hybrid";
import { deleteVectors, putVector, vecTable, vectorSearch } from "../../electron/core/search/vector";
import { scanThreadReady, setScanThreadEnabled, THREAD_MIN_ROWS, warmScanThread } from "../../electron/core/search/scan-thread";
import { corpusText, wordModel } from "../corpus/model";
import { buildBase } from "./build";
import { makeQueries, type QueryKind } from "./queries";
import { SynthText } from "./synth";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "1000000" },
    dim: { type: "string", default: "384" },
    queries: { type: "string", default: "300" },
    "cold-runs": { type: "string", default: "3" },
    dir: { type: "string" },
    "build-only": { type: "boolean", default: false },
    "no-scan-thread": { type: "boolean", default: false },
  },
});
const N = Number(args.n);
const DIM = Number(args.dim);
const Q = Number(args.queries);
const DIR = args.dir ?? `/tmp/govdesk-bench-search2-${N}-${DIM}`;
const GOALS = { hybridP95: 35, commonKeywordP95: 50, coldMs: 1000 };

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const f = (x: number): string => x.toFixed(1);
/** CPU time (user + system, all threads) of the last timed call: on a shared machine, what a quiet one would need; with the scan thread it exceeds the wall clock. */
let lastCpu = 0;
const ms = (fn: () => unknown): number => {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  lastCpu = (d.user + d.system) / 1000;
  return wall;
};
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(" ");

const model = wordModel(await corpusText());
const synth = new SynthText(model);
mkdirSync(DIR, { recursive: true });
const fresh = !existsSync(join(DIR, "govdesk.db"));
let store = openStore(DIR);
if (fresh) buildBase(store.db, synth, N, DIM);
if (args["build-only"]) process.exit(0);
const count = (store.db.prepare("SELECT count(*) AS n FROM kb_chunks").get() as { n: number }).n;
if (count !== N) throw new Error(`${DIR} holds ${count} chunks, not ${N}: remove it to rebuild`);
console.log(`search benchmark: ${N} chunks, ${DIM} dims, corpus-like text; load average at start ${load()}`);

const common = synth.common(30);
const queries = makeQueries(store.db, model, common, Q, DIM);
const kbId = findBase(store.db, "bench")!.id;
const blob = (v: Float32Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

// First query in this process: when no snapshot file exists yet, this is the one-time scan that writes it.
const first = ms(() => hybridSearch(store.db, kbId, queries[0]!.text, queries[0]!.vector, { k: 10 }));
console.log(`first query in the benchmark process: ${f(first)} ms (index from its snapshot file, or built from the database once)`);

// Cold: fresh processes.
const cold: { openMs: number; firstHybridMs: number; commonKeywordMs: number; wallMs: number }[] = [];
for (let i = 0; i < Number(args["cold-runs"]); i++) {
  const q = queries[(i * 7 + 1) % queries.length]!;
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "cold.ts"), DIR, String(DIM), q.text, String(1000 + i)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cold run failed: ${r.stderr}`);
  cold.push({ ...JSON.parse(r.stdout.trim().split("\n").at(-1)!), wallMs: performance.now() - t });
}
for (const [i, c] of cold.entries()) {
  console.log(`cold ${i + 1}: open ${f(c.openMs)} ms, first hybrid query ${f(c.firstHybridMs)} ms (open + query ${f(c.openMs + c.firstHybridMs)} ms), then common-term keyword ${f(c.commonKeywordMs)} ms; process wall ${f(c.wallMs)} ms (tsx start-up included)`);
}

// The app's first search starts the scan thread once it is done; its next request finds it up (the loop turns between requests, not between these queries).
const scanThread = !args["no-scan-thread"] && N >= THREAD_MIN_ROWS;
setScanThreadEnabled(!args["no-scan-thread"]);
if (scanThread) await warmScanThread();
// Warm: the mix, each query through hybrid, keyword only, vector only and the sqlite-vec baseline.
const knn = store.db.prepare(`SELECT rowid FROM kb_vec_${DIM} WHERE bq MATCH vec_quantize_binary(?) AND k = ?`);
type Series = { wall: number[]; cpu: number[] };
const series = (): Series => ({ wall: [], cpu: [] });
const t = { hybrid: series(), keyword: series(), vector: series(), knn10: series(), knnCand: series() };
const byKind: Record<QueryKind, { hybrid: Series; keyword: Series }> = {
  text: { hybrid: series(), keyword: series() },
  common: { hybrid: series(), keyword: series() },
  words: { hybrid: series(), keyword: series() },
};
const time = (into: Series[], fn: () => unknown): void => {
  const wall = ms(fn);
  for (const s of into) {
    s.wall.push(wall);
    s.cpu.push(lastCpu);
  }
};
for (const [i, q] of queries.entries()) {
  // The first search of a query also reads its FTS pages into SQLite's cache: alternate which side pays that.
  const hybrid = (): void => time([t.hybrid, byKind[q.kind].hybrid], () => hybridSearch(store.db, kbId, q.text, q.vector, { k: 10 }));
  const keyword = (): void => time([t.keyword, byKind[q.kind].keyword], () => hybridSearch(store.db, kbId, q.text, null, { k: 10 }));
  if (i % 2) {
    keyword();
    hybrid();
  } else {
    hybrid();
    keyword();
  }
  time([t.vector], () => vectorSearch(store.db, kbId, q.vector, 30));
  time([t.knn10], () => knn.all(blob(q.vector), 10));
  time([t.knnCand], () => knn.all(blob(q.vector), 30 * 16));
}
const line = (name: string, s: Series): string =>
  `${name.padEnd(34)} p50 ${f(pct(s.wall, 50)).padStart(7)} ms  p95 ${f(pct(s.wall, 95)).padStart(7)} ms  max ${f(Math.max(...s.wall)).padStart(7)} ms  | cpu p50 ${f(pct(s.cpu, 50)).padStart(6)} p95 ${f(pct(s.cpu, 95)).padStart(6)} ms`;
const scanPath = scanThread && scanThreadReady() ? "hybrid's bit scan on the scan thread, beside the keyword ranking" : `hybrid's bit scan on the caller's thread (--no-scan-thread, or an index under ${THREAD_MIN_ROWS} rows)`;
console.log(`\nwarm, ${Q} queries (k = 10), ${scanPath}; wall clock, and the CPU time the process used, all its threads (on a shared machine what a quiet one would need; above the wall clock when the scan thread works beside the caller); examples: ${queries.slice(0, 6).map((q) => q.text).join(" / ")}`);
console.log(line("hybrid, all queries", t.hybrid));
for (const kind of ["text", "common", "words"] as const) console.log(line(`hybrid, ${kind} (${byKind[kind].hybrid.wall.length})`, byKind[kind].hybrid));
console.log(line("keyword, all queries", t.keyword));
for (const kind of ["text", "common", "words"] as const) console.log(line(`keyword, ${kind}`, byKind[kind].keyword));
console.log(line("vector (bit scan + cosine, k=30)", t.vector));
console.log(line("baseline: sqlite-vec bit KNN k=10", t.knn10));
console.log(line("baseline: sqlite-vec bit KNN k=480", t.knnCand));

// Writes: the index follows them without a reload.
const table = vecTable(store.db, DIM);
const content = (store.db.prepare("SELECT content_id AS c FROM kb_chunks WHERE id = 1").get() as { c: number }).c;
const maxChunk = (store.db.prepare("SELECT max(id) AS m FROM kb_chunks").get() as { m: number }).m;
const added = Array.from({ length: 1000 }, (_, i) => maxChunk + 1 + i);
store.db.transaction(() => {
  const ins = store.db.prepare("INSERT INTO kb_chunks(id, content_id, seq, text, pages, heading_path, tokens) VALUES (?, ?, 0, '新增', '[1]', '[]', 1)");
  for (const [i, id] of added.entries()) {
    ins.run(id, content);
    putVector(store.db, table, id, queries[i % queries.length]!.vector);
  }
})();
const afterAdd = ms(() => vectorSearch(store.db, kbId, queries[0]!.vector, 30));
store.db.transaction(() => {
  deleteVectors(store.db, added);
  store.db.prepare(`DELETE FROM kb_chunks WHERE id > ?`).run(maxChunk);
})();
const afterDelete = ms(() => vectorSearch(store.db, kbId, queries[0]!.vector, 30));
console.log(`\n1,000 vectors written, then the next vector query: ${f(afterAdd)} ms; removed again, next query: ${f(afterDelete)} ms (warm query p50 ${f(pct(t.vector.wall, 50))} ms)`);

// Recall of the bit scan + rescoring against exact float KNN (a full scan of the floats: slow, 10 queries).
let found = 0;
for (const q of queries.slice(0, 10)) {
  const exact = store.db.prepare(`SELECT id FROM kb_vecf_${DIM} ORDER BY vec_distance_cosine(embedding, ?) LIMIT 10`).all(blob(q.vector)) as { id: number }[];
  const approx = new Set(vectorSearch(store.db, kbId, q.vector, 10).map((h) => h.chunkId));
  found += exact.filter((e) => approx.has(e.id)).length;
}
const mem = process.memoryUsage();
console.log(`recall@10 vs exact float KNN: ${found} %; rss ${f(mem.rss / 1048576)} MB; database ${f(statSync(join(DIR, "govdesk.db")).size / 1048576)} MB`);
store.close();
store = undefined as never;

const coldMedian = pct(cold.map((c) => c.openMs + c.firstHybridMs), 50);
const results = [
  { name: `hybrid p95 <= ${GOALS.hybridP95} ms`, value: pct(t.hybrid.wall, 95), goal: GOALS.hybridP95 },
  { name: `common-term keyword p95 <= ${GOALS.commonKeywordP95} ms`, value: pct(byKind.common.keyword.wall, 95), goal: GOALS.commonKeywordP95 },
  { name: `cold open + first query (median of ${cold.length}) <= ${GOALS.coldMs} ms`, value: coldMedian, goal: GOALS.coldMs },
];
console.log(`\nload average at end ${load()}`);
for (const r of results) console.log(`${r.value <= r.goal ? "met    " : "MISSED "} ${r.name}: ${f(r.value)} ms`);
process.exitCode = results.every((r) => r.value <= r.goal) ? 0 : 1;
