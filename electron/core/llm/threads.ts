import os from "node:os";
import { physicalCores } from "../services/cpus";

export { physicalCores };

/**
 * CPU threads for llama.cpp. Never node-llama-cpp's default: on small
 * machines it oversubscribes the cores and generation gets ~100x slower
 * (see NOTES.md). "auto" is measured per model and machine
 * (thread-calibration.ts); this estimate (the physical cores that are not
 * busy) is used only until a measurement exists or when one cannot be made.
 */
export function pickThreads(
  setting: "auto" | number,
  probe: { logical: number; load: number; physical?: number } = { logical: os.availableParallelism(), load: os.loadavg()[0] ?? 0, physical: physicalCores() },
): number {
  if (setting !== "auto") return setting;
  const physical = probe.physical ?? (probe.logical >= 4 ? Math.floor(probe.logical / 2) : probe.logical);
  const busy = Math.round(probe.load);
  return Math.max(1, Math.min(physical, physical - busy));
}

/**
 * A thread count for "auto" (a calibration's result) capped at the physical
 * cores free now: the measurement was made at one moment, and spin-waiting
 * threads on busy cores make generation ~100× slower (NOTES.md). A number the
 * user set is kept as it is.
 */
export function withinFreeCores(setting: "auto" | number, threads: number): number {
  return setting === "auto" ? Math.min(threads, pickThreads("auto")) : threads;
}

/** The thread counts a calibration tries: 1, the physical cores, the logical CPUs. */
export function threadCandidates(): number[] {
  return [...new Set([1, physicalCores(), os.availableParallelism()])].sort((a, b) => a - b);
}

/**
 * What a thread measurement depends on besides the model: the CPU, how
 * many of it, memory, the platform. A different machine (or the same disk
 * image on new hardware) measures again.
 */
export function machineFingerprint(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown";
  return `${process.platform}-${process.arch}|${cpu}|${physicalCores()}/${os.availableParallelism()}|${Math.round(os.totalmem() / 2 ** 30)}GB`;
}
