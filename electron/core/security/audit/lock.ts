import { closeSync, openSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * A short exclusive lock around one append, so the app's core and a CLI run
 * writing the same audit folder at the same moment cannot fork the chain.
 * A lock older than STALE_MS was left by a crashed writer and is taken over.
 */
const STALE_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function withAuditLock<T>(dir: string, fn: () => T): T {
  const path = join(dir, "audit.lock");
  for (;;) {
    try {
      closeSync(openSync(path, "wx", 0o600));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // Only a lock that has sat untouched for STALE_MS is broken; a busy writer is waited for.
      if (ageMs(path) > STALE_MS) removeQuietly(path);
      else Atomics.wait(sleeper, 0, 0, 5);
    }
  }
  try {
    return fn();
  } finally {
    removeQuietly(path);
  }
}

/** How long the lock file has existed; 0 when it has just gone (its holder released it: retry). */
function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: another writer took it over.
  }
}
