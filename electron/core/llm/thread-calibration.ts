import type { Db } from "../store/open-store";
import { machineFingerprint, pickThreads, threadCandidates } from "./threads";
import type { ThreadTiming } from "./worker/calibrate";

export interface ThreadCalibration {
  threads: number;
  measured: ThreadTiming[];
  measuredAt: string;
}

/** Within this fraction of the fastest, fewer threads win: they leave cores to the rest of the machine. */
const TIE = 0.05;

/** The best thread count of a measurement: the fastest, or fewer threads when nearly as fast. */
export function bestThreads(measured: ThreadTiming[]): number {
  const top = Math.max(...measured.map((m) => m.tokensPerSecond));
  const good = measured.filter((m) => m.tokensPerSecond >= top * (1 - TIE)).sort((a, b) => a.threads - b.threads);
  return good[0]?.threads ?? 1;
}

/** Thread measurements per model (its id) and machine (machineFingerprint), in the database. */
export class ThreadCalibrations {
  constructor(private readonly db: Db) {}

  get(modelKey: string, machine: string): ThreadCalibration | null {
    const row = this.db.prepare("SELECT threads, measured, measured_at AS measuredAt FROM llm_threads WHERE model_key = ? AND machine = ?").get(modelKey, machine) as
      | { threads: number; measured: string; measuredAt: string }
      | undefined;
    return row ? { threads: row.threads, measured: JSON.parse(row.measured) as ThreadTiming[], measuredAt: row.measuredAt } : null;
  }

  save(modelKey: string, machine: string, measured: ThreadTiming[]): ThreadCalibration {
    const c = { threads: bestThreads(measured), measured, measuredAt: new Date().toISOString() };
    this.db
      .prepare("INSERT OR REPLACE INTO llm_threads(model_key, machine, threads, measured, measured_at) VALUES (?, ?, ?, ?, ?)")
      .run(modelKey, machine, c.threads, JSON.stringify(measured), c.measuredAt);
    return c;
  }
}

/** Generated tokens per thread count and run: enough to time decoding, short even for a 7B model on a CPU. */
export const CALIBRATION_TOKENS = 8;
const inFlight = new Map<string, Promise<number>>();

/**
 * Threads for a model: the setting when it is a number; on "auto" the
 * measured best for this model on this machine, measured now (once; callers
 * at the same time share it) when there is no measurement yet. A failed
 * measurement falls back to the estimate and is tried again next time.
 */
export async function resolveThreads(o: {
  setting: "auto" | number;
  modelKey: string;
  calibrations: ThreadCalibrations;
  calibrate: (candidates: number[], tokens: number) => Promise<ThreadTiming[]>;
  log?: (line: string) => void;
  /** This machine (machineFingerprint()); tests pass another to be a different machine. */
  machine?: string;
}): Promise<number> {
  if (o.setting !== "auto") return o.setting;
  const machine = o.machine ?? machineFingerprint();
  const known = o.calibrations.get(o.modelKey, machine);
  if (known) return known.threads;
  const key = `${o.modelKey}|${machine}`;
  let running = inFlight.get(key);
  if (!running) {
    running = o
      .calibrate(threadCandidates(), CALIBRATION_TOKENS)
      .then((measured) => {
        const c = o.calibrations.save(o.modelKey, machine, measured);
        o.log?.(`threads: measured ${measured.map((m) => `${m.threads} → ${m.tokensPerSecond.toFixed(1)} tok/s`).join(", ")}; using ${c.threads}`);
        return c.threads;
      })
      .catch((e: unknown) => {
        o.log?.(`threads: calibration failed (${String(e)}); using the estimate`);
        return pickThreads("auto");
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}
