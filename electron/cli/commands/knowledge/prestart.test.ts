import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTRACT_HEAP_MB } from "../../../core/ingest/extract/limits";
import { takePrestarted } from "../../../core/ingest/extract/worker-start";
import { extractionThreads } from "../../../core/services/cpus";
import { tempDir } from "../../../core/testing/temp-dir";
import { prestartFor } from "./prestart";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Ends the threads a call started (nothing else here takes them), counting them. */
async function drain(): Promise<number> {
  let n = 0;
  for (let w = takePrestarted(EXTRACT_HEAP_MB); w; w = takePrestarted(EXTRACT_HEAP_MB), n++) await w.terminate();
  return n;
}

describe("kb add and extract start as many extraction threads as their batch will use", () => {
  it("one per file named, up to the pool's size; the pool's size for a folder; none for paths that do not exist", async () => {
    writeFileSync(join(dir, "a.txt"), "甲");
    writeFileSync(join(dir, "b.pdf"), "%PDF-1.4");
    mkdirSync(join(dir, "folder"));
    expect(prestartFor([join(dir, "a.txt")])).toBe(1);
    expect(await drain()).toBe(1);
    const all = extractionThreads();
    expect(prestartFor([join(dir, "a.txt"), join(dir, "b.pdf"), join(dir, "missing.pdf")])).toBe(Math.min(2, all));
    expect(await drain()).toBe(Math.min(2, all));
    expect(prestartFor([join(dir, "folder")])).toBe(all);
    expect(await drain()).toBe(all);
    expect(prestartFor([join(dir, "missing.pdf")])).toBe(0);
  });
});
