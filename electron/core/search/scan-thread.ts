import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { hammingModule, type HammingKernel } from "./hamming-wasm";

/**
 * A second thread for the Hamming scan of large indexes, so that a hybrid
 * search's keyword ranking (SQLite, on the caller's thread) and its bit
 * scan (~6 ms at a million rows, bound by memory bandwidth) run at once.
 * The index's memory is a shared WebAssembly.Memory; the thread runs the
 * same kernel over it and flags the end with Atomics, so the caller waits
 * synchronously and search stays a plain function.
 *
 * The thread starts after the first scan of a large index (that scan runs
 * here) and is used once it has said it is ready: until then, and on a
 * one-core machine, for a small index, or when the thread fails, the caller
 * scans itself. It is unref'd, so it never holds a process open.
 */

/** Below this many rows a scan takes ~1 ms or less: posting it to a thread would cost about as much as it saves. */
export const THREAD_MIN_ROWS = 200_000;
/** A scan that has not ended in this long means the thread is stuck or gone: stop it and scan here. */
const WAIT_MS = 5_000;
/** Cores this process may run on, read once (a scan asks per query). */
const CORES = availableParallelism();

/**
 * The thread's program (CommonJS, given as source: nothing to bundle or
 * resolve). flags[0]: the scan ended; flags[1]: the thread listens. Both are
 * shared memory, so a caller that never yields to its event loop (a batch of
 * searches in one synchronous run) still sees them.
 */
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const flags = new Int32Array(workerData.flags);
let kernel = null;
parentPort.on("message", (m) => {
  if (m.type === "memory") {
    kernel = new WebAssembly.Instance(m.module, { env: { memory: m.memory } }).exports;
    return;
  }
  kernel.dist(...m.args);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
});
Atomics.store(flags, 1, 1);
Atomics.notify(flags, 1);
`;

type DistArgs = Parameters<HammingKernel["dist"]>;

interface Thread {
  worker: Worker;
  /** The memory the thread's kernel runs over (a new one is sent when an index grows or another index scans). */
  memory: WebAssembly.Memory | null;
  flags: Int32Array;
}

let thread: Thread | null = null;
/** Set when a thread failed: scans stay on the caller's thread from then on. */
let broken = false;
/** Off: every scan runs on the caller's thread (a benchmark's comparison). */
let enabled = true;

/** Turns the scan thread off or on again (bench/search measures hybrid both ways, in one process). */
export function setScanThreadEnabled(on: boolean): void {
  enabled = on;
}

function start(): Thread {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(SOURCE, { eval: true, workerData: { flags: flags.buffer } });
  worker.unref();
  const t: Thread = { worker, memory: null, flags };
  // Only the current thread's end is a failure: one ended on purpose (stopScanThread, or after a timeout) was replaced already.
  const fail = (): void => {
    if (thread !== t) return;
    broken = true;
    thread = null;
  };
  worker.once("error", fail);
  worker.once("exit", fail);
  return t;
}

const ready = (t: Thread): boolean => Atomics.load(t.flags, 1) === 1;

let starting = false;
/**
 * Starts the thread once the current task is done: its boot (~30 ms of CPU)
 * would otherwise compete with the search that asked, and a one-shot
 * command that exits first never starts it (the callback is unref'd).
 */
function startSoon(): void {
  if (starting) return;
  starting = true;
  setImmediate(() => {
    starting = false;
    if (!broken && enabled) thread ??= start();
  }).unref();
}

/** A scan in flight: `wait()` returns once the distances and histogram are written. */
export interface PendingScan {
  wait(): void;
}

/** The scan on the thread that no one has waited for yet (a search that threw between start and finish). */
let unsettled: PendingScan | null = null;

/**
 * Waits for a scan still in flight. Call before writing the memory a scan
 * reads or writes: a scan left running would go on counting into the
 * histogram of the next, and flag that one's end too early.
 */
export function settleScan(): void {
  unsettled?.wait();
}

/**
 * Starts `kernel.dist(...args)` over `memory` on the scan thread when that
 * is worth it and the thread is ready; else runs it here, now. Either way
 * the result is in `memory` once `wait()` returns. `rows` decides whether
 * the thread is worth it (0: never); `reset` clears what a scan counts
 * into (the histogram), for a scan redone here. One scan at a time: call
 * settleScan() before laying out the next.
 */
export function startScan(memory: WebAssembly.Memory, kernel: HammingKernel, rows: number, args: DistArgs, reset: () => void): PendingScan {
  const here = (): PendingScan => {
    kernel.dist(...args);
    return { wait: () => undefined };
  };
  if (!enabled || broken || rows < THREAD_MIN_ROWS || CORES < 2) return here();
  const t = thread;
  if (!t) {
    startSoon();
    return here();
  }
  if (!ready(t)) return here();
  if (t.memory !== memory) {
    t.worker.postMessage({ type: "memory", module: hammingModule(), memory });
    t.memory = memory;
  }
  Atomics.store(t.flags, 0, 0);
  t.worker.postMessage({ type: "scan", args });
  const pending: PendingScan = {
    wait: () => {
      if (unsettled !== pending) return;
      unsettled = null;
      if (Atomics.wait(t.flags, 0, 0, WAIT_MS) !== "timed-out") return;
      // Stuck (or the machine slept): give up on the thread and scan here. Termination is not
      // synchronous, so a thread that wakes in the next instant could still count into this scan.
      broken = true;
      thread = null;
      void t.worker.terminate();
      reset();
      kernel.dist(...args);
    },
  };
  unsettled = pending;
  return pending;
}

/** Ends the scan thread (tests; a thread is otherwise left to the process's exit). */
export async function stopScanThread(): Promise<void> {
  const t = thread;
  thread = null;
  broken = false;
  if (t) await t.worker.terminate();
}

/** Whether scans of large indexes run on the scan thread now (tests and benchmarks say which path they measured). */
export function scanThreadReady(): boolean {
  return !!thread && ready(thread);
}

/** Starts the thread now and resolves once it is ready, false when there is none to be had (one core, or it failed). */
export async function warmScanThread(): Promise<boolean> {
  if (broken || CORES < 2) return false;
  thread ??= start();
  const t = thread;
  while (!ready(t) && thread === t) await new Promise((resolve) => setTimeout(resolve, 2));
  return thread === t && ready(t);
}
