/**
 * bench/memory: peak memory of the work a hostile file can amplify, through
 * the path a user takes (the `govdesk` command, startup included), beside the
 * extraction threads' heap cap. Peak RSS is the child's maximum resident set
 * (GNU time's %M: the process with its worker threads). Baselines in the
 * same run: `govdesk info` (starting the command and the core, no file) and
 * importing the unpadded test model.
 *
 *   npx tsx bench/memory/run.ts [--dir /work/shared/corpus] [--runs 3]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ensureTestModel } from "../../scripts/test-model/ensure";
import { EXTRACT_HEAP_MB } from "../../electron/core/ingest/extract/limits";
import { tempDir } from "../../electron/core/testing/temp-dir";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const dir = arg("dir", "/work/shared/corpus");
const runs = Number(arg("runs", "3"));
const BIN = join(import.meta.dirname, "..", "..", "bin", "govdesk.mjs");
if (!existsSync(join(import.meta.dirname, "..", "..", "dist", "cli", "govdesk.mjs"))) throw new Error("dist/cli is missing: run npm run build first");
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { dir: tmp, cleanup } = tempDir("govdesk-bench-memory-");

/** Peak RSS (MB) of one `govdesk` command in a fresh data folder, and how it ended. */
function govdesk(args: string[], n: number): { mb: number; status: number | null; ms: number } {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, BIN, "--data-dir", join(tmp, `data-${n}`), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const kb = Number(r.stderr.trim().split("\n").pop());
  return { mb: kb / 1024, status: r.status, ms: performance.now() - t };
}

let n = 0;
function measure(label: string, args: string[]): { label: string; mb: number; status: number | null; ms: number } {
  const all = Array.from({ length: runs }, () => govdesk(args, n++));
  return { label, mb: median(all.map((a) => a.mb)), status: all[0]!.status, ms: median(all.map((a) => a.ms)) };
}

try {
  const rows = [measure("govdesk info (baseline: command + core, no file)", ["info", "--json"])];
  const pdfs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : [];
  for (const f of pdfs) rows.push(measure(`govdesk extract ${f} (${(statSync(join(dir, f)).size / 1024).toFixed(0)} KB)`, ["extract", join(dir, f), "--json", "--ocr", "off"]));
  const model = await ensureTestModel();
  const hole = join(tmp, "padded.gguf");
  await writeFile(hole, await readFile(model));
  await truncate(hole, 100 * 1024 ** 3); // a valid tiny GGUF padded with a 100 GB sparse hole
  rows.push(measure(`govdesk models import (baseline: the test model, ${(statSync(model).size / 1024 / 1024).toFixed(1)} MB)`, ["models", "import", model, "--json"]));
  rows.push(measure("govdesk models import of it padded with a 100 GB sparse hole", ["models", "import", hole, "--json"]));

  const base = rows[0]!.mb;
  console.log(`extraction threads' heap cap (V8 old generation, each): ${EXTRACT_HEAP_MB} MB; ${runs} runs each, medians`);
  console.log("| command | exit | peak RSS | × govdesk info | time |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.label} | ${r.status} | ${r.mb.toFixed(0)} MB | ${(r.mb / base).toFixed(2)} | ${(r.ms / 1000).toFixed(1)} s |`);
} finally {
  cleanup();
}
