import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * `head.json` remembers the newest entry's seq and hash. Without it, cutting
 * off or rewriting the last lines of the log would leave no trace.
 */
const Head = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), file: z.string() });
export type Head = z.infer<typeof Head>;

export const HEAD_FILE = "head.json";

export function readHead(dir: string): Head | null {
  try {
    return Head.parse(JSON.parse(readFileSync(join(dir, HEAD_FILE), "utf8")));
  } catch {
    return null;
  }
}

export function writeHead(dir: string, head: Head): void {
  const tmp = join(dir, `${HEAD_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(head), { mode: 0o600 });
  renameSync(tmp, join(dir, HEAD_FILE));
}
