import os from "node:os";

/**
 * CPU threads for llama.cpp. Never node-llama-cpp's default: on small
 * machines it oversubscribes the cores and generation gets ~100x slower
 * (see NOTES.md). "auto" takes the physical cores that are not busy.
 */
export function pickThreads(setting: "auto" | number, probe = { logical: os.availableParallelism(), load: os.loadavg()[0] ?? 0 }): number {
  if (setting !== "auto") return setting;
  // Logical CPUs are usually 2 per physical core on machines with 4 or more.
  const physical = probe.logical >= 4 ? Math.floor(probe.logical / 2) : probe.logical;
  const busy = Math.round(probe.load);
  return Math.max(1, Math.min(physical, physical - busy));
}
