import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

let physicalCache: number | undefined;

/**
 * Physical cores: on Linux the distinct (package, core) pairs in sysfs;
 * elsewhere an estimate (two logical CPUs per core from four up, as with
 * SMT on desktop CPUs).
 */
export function physicalCores(): number {
  if (physicalCache !== undefined) return physicalCache;
  const logical = os.availableParallelism();
  let count = 0;
  try {
    const cores = new Set<string>();
    for (const cpu of readdirSync("/sys/devices/system/cpu").filter((d) => /^cpu\d+$/.test(d))) {
      const topo = `/sys/devices/system/cpu/${cpu}/topology`;
      cores.add(`${readFileSync(`${topo}/physical_package_id`, "utf8").trim()}:${readFileSync(`${topo}/core_id`, "utf8").trim()}`);
    }
    count = Math.min(cores.size, logical);
  } catch {
    count = 0;
  }
  physicalCache = count > 0 ? count : logical >= 4 ? Math.floor(logical / 2) : logical;
  return physicalCache;
}

/** Most extraction threads worth starting: each holds a parser's memory (~100 MB with pdfjs). */
const MAX_EXTRACTION_THREADS = 6;

/**
 * Extraction worker threads for a batch: one per physical core (a second
 * hardware thread of a core adds little to parsing and a whole parser's
 * memory), at most MAX_EXTRACTION_THREADS, and no more than free memory
 * holds at ~150 MB each.
 */
export function extractionThreads(): number {
  const byMemory = Math.floor(os.freemem() / (150 * 1024 * 1024));
  return Math.max(1, Math.min(physicalCores(), MAX_EXTRACTION_THREADS, byMemory));
}
