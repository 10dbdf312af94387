import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../testing/temp-dir";
import { openStore, type Store } from "../store/open-store";
import { ingestPaths } from "./pipeline";

const CHILD = fileURLToPath(new URL("./testing/ingest-child.ts", import.meta.url));
let dir: string;
let cleanup: () => void;
let store: Store | null = null;

beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  store?.close();
  cleanup();
});

/** Runs the child until it has reported `after` finished files, then SIGKILLs it. */
function runAndKill(args: string[], after: number): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let killed = false;
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      const m = [...out.matchAll(/done (\d+)\//g)].at(-1);
      if (!killed && m && Number(m[1]) >= after) {
        killed = child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("exit", () => resolve({ killed, out }));
  });
}

describe("kb add killed with SIGKILL midway", () => {
  it("leaves each file fully indexed or not at all; the rerun finishes with nothing indexed twice", async () => {
    const files: string[] = [];
    for (let i = 0; i < 40; i++) {
      const p = join(dir, `文件 ${i}.txt`);
      const body = Array.from({ length: 400 }, (_, j) => `一、第${i}号文件第${j}段。各单位要认真落实第${i}号文件的要求，编号${i}-${j}。`).join("\n");
      await writeFile(p, body);
      files.push(p);
    }
    const data = join(dir, "data");
    const { killed, out } = await runAndKill([data, "k", ...files], 5);
    expect(killed, out).toBe(true);
    expect(out).not.toContain("result");

    store = openStore(data);
    const db = store.db;
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const readyBefore = n("SELECT count(*) AS n FROM kb_documents WHERE status = 'ready'");
    expect(readyBefore).toBeGreaterThanOrEqual(1);
    expect(readyBefore).toBeLessThan(40);
    // What the kill left is consistent: ready documents have all their chunks, nothing else has any.
    expect(n("SELECT count(*) AS n FROM kb_contents")).toBe(readyBefore);
    expect(n("SELECT count(*) AS n FROM kb_fts")).toBe(n("SELECT count(*) AS n FROM kb_chunks"));

    const r = await ingestPaths(db, "k", files, { threads: 2 });
    expect(r.failed).toEqual([]);
    expect(r.ok + r.skipped).toBe(40);
    expect(r.skipped).toBe(readyBefore);
    expect(n("SELECT count(*) AS n FROM kb_documents WHERE status = 'ready'")).toBe(40);
    expect(n("SELECT count(*) AS n FROM kb_contents")).toBe(40);
    expect(n("SELECT count(*) AS n FROM (SELECT content_id, seq FROM kb_chunks GROUP BY 1, 2 HAVING count(*) > 1)")).toBe(0);
    expect(n("SELECT count(*) AS n FROM kb_fts")).toBe(n("SELECT count(*) AS n FROM kb_chunks"));
    expect(n("SELECT count(*) AS n FROM kb_contents ct WHERE chunk_count <> (SELECT count(*) FROM kb_chunks WHERE content_id = ct.id)")).toBe(0);
    // Each file's unique text is findable exactly once.
    const hits = db.prepare("SELECT count(*) AS n FROM kb_fts WHERE kb_fts MATCH ?");
    expect((hits.get('"17" AND "399"') as { n: number }).n).toBeGreaterThan(0);
  }, 90_000);
});
