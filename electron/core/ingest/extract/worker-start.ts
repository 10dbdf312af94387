import { existsSync } from "node:fs";
import { totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { tuneTieringForExtraction } from "./tiering";

/*
 * Starting extraction worker threads. Kept apart from pool.ts (which loads
 * the RPC contract, the parsers' front ends and redaction) so that a command
 * can start its threads before it has loaded anything else: a thread then
 * loads its parsers while the command is still opening the database.
 */

/**
 * V8 (64-bit) lets the heap of an isolate whose old generation is capped at
 * 2 GB or more grow up to 4x its live size before the next full GC; under
 * that cap, 1.3-2x (heap-controller.cc, MaxGrowingFactor). At 512 MB an
 * extraction thread ran three times as many full GCs, each marked by V8's
 * helper threads on the same cores: on 2 cores kb add of ten real PDFs
 * took ~0.1 s longer and 2,000 mixed files 55 s instead of 47 s.
 */
const V8_FULL_GROWTH_CAP_MB = 2048;
/** The smallest cap: the corpus PDF that needs the most (dongguan_gov_order_138, CID fonts) extracts at 224 MB in a fresh thread from source. */
const MIN_EXTRACT_HEAP_MB = 512;

/**
 * Heap cap (V8 old generation) of each extraction thread, MB: an eighth of
 * the machine's memory, from 512 MB to 2 GB (16 GB of memory and up get
 * V8's full heap growth). A hostile file that needs more fails alone
 * (pool.ts heapError) instead of taking the machine's memory; bench/memory
 * prints peak RSS beside this cap. Well below the need of loading the
 * parsers, V8 can abort the whole process while compiling modules, so never
 * set it low.
 */
export function extractHeapMb(totalMemBytes: number): number {
  const eighth = Math.floor(totalMemBytes / 8 / 1024 / 1024);
  return Math.max(MIN_EXTRACT_HEAP_MB, Math.min(V8_FULL_GROWTH_CAP_MB, eighth));
}

export const EXTRACT_HEAP_MB = extractHeapMb(totalmem());

/** What a thread is told at start: parsers to load at once, before the first file asks for them. */
export interface ExtractWorkerData {
  entry?: string;
  preload?: "pdf"[];
}

/**
 * Where the worker entry lives: from source (this file is .ts) a small .mjs
 * registers tsx in the thread and imports worker.ts; from the bundle,
 * dist/extract/extract-worker.mjs beside dist/cli and dist/core.
 */
export function workerSpec(): { file: string; entry?: string } | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return { file: join(dirname(here), "worker-boot.mjs"), entry: pathToFileURL(join(dirname(here), "worker.ts")).href };
  const bundled = join(dirname(here), "..", "extract", "extract-worker.mjs");
  return existsSync(bundled) ? { file: bundled } : null;
}

/** One extraction thread, its old-generation heap capped at `heapMb`, unref'd (it never holds the process open). */
export function startExtractWorker(spec: NonNullable<ReturnType<typeof workerSpec>>, heapMb: number, preload: ExtractWorkerData["preload"] = []): Worker {
  tuneTieringForExtraction();
  const workerData: ExtractWorkerData = { ...(spec.entry ? { entry: spec.entry } : {}), ...(preload.length ? { preload } : {}) };
  const worker = new Worker(spec.file, { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  worker.unref();
  return worker;
}

interface Prestarted {
  worker: Worker;
  exited: boolean;
}

const prestarted: Prestarted[] = [];

/**
 * Starts `count` threads now, for the pool to take when the batch begins
 * (pool.ts, spawn). A command that will extract (kb add) calls this first
 * thing, so that starting the threads and loading pdfjs in them overlap the
 * command's own start-up instead of following it. Threads nobody takes end
 * with the process (they are unref'd). Returns the threads started.
 */
export function prestartExtraction(count: number, preload: ExtractWorkerData["preload"] = []): Worker[] {
  const spec = workerSpec();
  if (!spec) return [];
  const started: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const p: Prestarted = { worker: startExtractWorker(spec, EXTRACT_HEAP_MB, preload), exited: false };
    p.worker.once("exit", () => (p.exited = true));
    // Until the pool takes it, an error ends this thread alone (the pool starts a fresh one instead).
    p.worker.once("error", () => {
      p.exited = true;
      void p.worker.terminate();
    });
    prestarted.push(p);
    started.push(p.worker);
  }
  return started;
}

/**
 * A prestarted thread that is still alive, or null; prestarted threads all
 * have the default heap cap. A pool with another cap (IT's policy, read after
 * the threads were started) ends them: the command will not use them, and
 * each would go on loading its parsers on the cores the pool's threads need.
 */
export function takePrestarted(heapMb: number): Worker | null {
  if (heapMb !== EXTRACT_HEAP_MB) {
    for (const p of prestarted.splice(0)) void p.worker.terminate();
    return null;
  }
  const i = prestarted.findIndex((p) => !p.exited);
  if (i < 0) return null;
  const [p] = prestarted.splice(i, 1);
  p!.worker.removeAllListeners("error");
  return p!.worker;
}
