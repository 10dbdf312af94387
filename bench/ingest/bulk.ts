/**
 * Bulk ingestion through the real command line, interruptible:
 *   npx tsx bench/ingest/make-docs.ts --out /tmp/govdesk-bench-10k --count 10000
 *   npx tsx bench/ingest/bulk.ts --docs /tmp/govdesk-bench-10k [--interrupt-after 120] [--goal-s 600]
 *
 * `govdesk kb add bulk <folder> --json` into a fresh data directory, no
 * embeddings, timed from spawn to exit. With --interrupt-after S the first
 * run is killed (SIGKILL: a crash or a power cut, no chance to clean up)
 * after S seconds, and the same command is run again: it must finish the
 * rest (the queue lives in the database) without redoing what was indexed.
 * Reports files per second, peak RSS, and whether every file ended ready.
 * Exits 1 when the total wall time is over the goal (10 minutes) or a file
 * is missing.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values: args } = parseArgs({
  options: {
    docs: { type: "string", default: "/tmp/govdesk-bench-10k" },
    data: { type: "string" },
    "interrupt-after": { type: "string" },
    "goal-s": { type: "string", default: "600" },
  },
});
const ROOT = join(import.meta.dirname, "../..");
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return n;
}

/** Runs the command; resolves with wall ms, exit code and peak RSS (GNU time), or kills it after `killAfterMs`. */
function run(cmd: string[], killAfterMs?: number): Promise<{ ms: number; code: number | null; rssMb: number | null; stdout: string }> {
  const timeFile = join(tmpdir(), `govdesk-bulk-time-${process.pid}-${Date.now()}`);
  // A run that will be killed is not wrapped in GNU time: the kill must hit govdesk itself, as a crash would.
  const argv = GNU_TIME && killAfterMs === undefined ? [GNU_TIME, "-f", "%M", "-o", timeFile, ...cmd] : cmd;
  const t = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let progress = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    progress = d.trim().split("\n").at(-1) ?? progress;
  });
  const ticker = setInterval(() => process.stderr.write(`\r${((performance.now() - t) / 1000).toFixed(0)} s  ${progress.slice(0, 100)}`.padEnd(120)), 2000);
  const killer = killAfterMs === undefined ? null : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearInterval(ticker);
      if (killer) clearTimeout(killer);
      process.stderr.write("\n");
      const rssMb = GNU_TIME && existsSync(timeFile) ? Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) / 1024 || null : null;
      resolve({ ms: performance.now() - t, code, rssMb, stdout });
    }),
  );
}

function statuses(data: string): Record<string, number> {
  const db = new Database(join(data, "govdesk.db"), { readonly: true });
  try {
    const rows = db.prepare("SELECT status, count(*) AS n FROM kb_documents GROUP BY status").all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

if (!existsSync(args.docs)) throw new Error(`${args.docs} does not exist: make it with bench/ingest/make-docs.ts`);
const total = countFiles(args.docs);
const data = args.data ?? mkdtempSync(join(tmpdir(), "govdesk-bulk-data-"));
const cli = [process.execPath, join(ROOT, "bin/govdesk.mjs"), "--data-dir", data];
console.log(`bulk ingestion: ${total} files in ${args.docs} → ${data}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
if (!existsSync(join(data, "govdesk.db"))) await run([...cli, "kb", "create", "bulk"]);

const runs: { ms: number; rssMb: number | null }[] = [];
if (args["interrupt-after"]) {
  const killed = await run([...cli, "kb", "add", "bulk", args.docs, "--json"], Number(args["interrupt-after"]) * 1000);
  runs.push(killed);
  console.log(`run 1 killed after ${(killed.ms / 1000).toFixed(1)} s (exit ${killed.code}): ${JSON.stringify(statuses(data))}`);
}
const last = await run([...cli, "kb", "add", "bulk", args.docs, "--json"]);
runs.push(last);
if (last.code !== 0) throw new Error(`kb add exited ${last.code}`);
const result = JSON.parse(last.stdout) as { ok: number; skipped: number; failed: unknown[]; total: number };
const st = statuses(data);
const wall = runs.reduce((a, r) => a + r.ms, 0) / 1000;
const ready = (st["ready"] ?? 0) + (st["needs_ocr"] ?? 0);
const dbMb = statSync(join(data, "govdesk.db")).size / 1048576;
console.log(`last run: ${(last.ms / 1000).toFixed(1)} s, ok ${result.ok}, skipped (already indexed) ${result.skipped}, failed ${result.failed.length}`);
console.log(`documents: ${JSON.stringify(st)}; database ${dbMb.toFixed(0)} MB; peak RSS per run: ${runs.map((r) => (r.rssMb === null ? "?" : `${r.rssMb.toFixed(0)} MB`)).join(", ")}`);
console.log(`total ${wall.toFixed(1)} s for ${total} files = ${(total / wall).toFixed(1)} files/s; load average at end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const goal = Number(args["goal-s"]);
const ok = wall <= goal && ready === total;
console.log(`${ok ? "met    " : "MISSED "} all ${total} files ready (${ready}) in <= ${goal} s: ${wall.toFixed(1)} s`);
process.exitCode = ok ? 0 : 1;
