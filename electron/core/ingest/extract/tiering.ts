import { setFlagsFromString } from "node:v8";

/**
 * V8 compiles a function with TurboFan once it has run `--interrupt-budget`
 * bytes of bytecode (67,584 in Node 20). Every extraction thread is an
 * isolate of its own, so each compiles pdfjs's warm functions again, and
 * TurboFan's jobs run on V8's helper threads, on the cores the threads are
 * extracting on. Four times the budget leaves the merely warm functions to
 * the interpreter and baseline code and compiles the hot ones. Measured on
 * 2 cores, kb add of ten real PDFs: TurboFan compiles 427 -> 197, CPU
 * 5.7 -> 5.0 s, wall 3.1 -> 2.8 s. One pdfjs thread with a core to spare
 * for the helpers (the bare script) was not slowed: 2.10-2.59 s -> 2.02-2.41
 * s in 6 pairs; many-core machines were not measured. bench/ingest's
 * baseline runs with the same budget.
 */
export const EXTRACTION_INTERRUPT_BUDGET = 4 * 67_584;

let tuned = false;

/**
 * Sets V8's interrupt budget for this process before the first extraction
 * thread starts (V8's flags are per process, so the core's own code tiers up
 * later too), unless `node` was started with one. Idempotent.
 */
export function tuneTieringForExtraction(execArgv: readonly string[] = process.execArgv): boolean {
  if (tuned || execArgv.some((a) => /^--interrupt[-_]budget(=|$)/.test(a))) return false;
  setFlagsFromString(`--interrupt-budget=${EXTRACTION_INTERRUPT_BUDGET}`);
  tuned = true;
  return true;
}
