/**
 * One cold query, in a process of its own (spawned by run.ts): open the
 * database as the core does, then one hybrid query (keyword + vector, the
 * vector index loaded from its snapshot file or, failing that, rebuilt) and
 * one common-term keyword query. Prints one JSON line of timings.
 *   node --import tsx bench/search/cold.ts <dir> <dim> <query> <vector seed>
 */
import { openStore } from "../../electron/core/store/open-store";
import { findBase } from "../../electron/core/ingest/kb-repo";
import { hybridSearch } from "../../electron/core/search/hybrid";
import { rng } from "./synth";
import { nearStored } from "./queries";

const [dir, dimText, query, seedText] = process.argv.slice(2) as [string, string, string, string];
const dim = Number(dimText);
const sinceStart = performance.now();

const t0 = performance.now();
const store = openStore(dir);
const vector = nearStored(store.db, dim, rng(Number(seedText)));
const kbId = findBase(store.db, "bench")!.id;
const t1 = performance.now();
hybridSearch(store.db, kbId, query, vector, { k: 10 });
const t2 = performance.now();
hybridSearch(store.db, kbId, "工作", null, { k: 10 });
const t3 = performance.now();
store.close();
console.log(JSON.stringify({ moduleLoadMs: sinceStart, openMs: t1 - t0, firstHybridMs: t2 - t1, commonKeywordMs: t3 - t2, rssMb: process.memoryUsage().rss / 1048576 }));
