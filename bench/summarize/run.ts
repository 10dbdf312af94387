/**
 * bench/summarize: summarising a long document through the real command
 * line, as a user runs it — `govdesk summarize <file> --model <gguf> --json`
 * (process start, database, the model worker process, model load, the
 * map-reduce job, saving) — with the tiny test model, beside a bare
 * node-llama-cpp process that only starts, loads the same model and creates
 * a context (the fixed cost any program pays before its first token).
 *
 *   npx tsx bench/summarize/run.ts [--pages 50,100,200] [--runs 3]
 *
 * For each size, paired runs (alternating order) report: the whole command's
 * wall time, the job's time inside model calls (core side, IPC included),
 * everything else, the baseline's start-up, and GovDesk's own overhead:
 * (wall − in model − baseline) per 1,000 input characters. Each data
 * directory is used once untimed first, so the thread calibration a first
 * model load does is not counted (it is measured once per model and machine).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { ensureTestModel } from "../../scripts/test-model/ensure";
import { generateNotice } from "./document";

const { values: args } = parseArgs({ options: { pages: { type: "string", default: "50,100,200" }, runs: { type: "string", default: "3" } } });
const ROOT = join(import.meta.dirname, "../..");
const model = await ensureTestModel();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function cli(data: string, file: string): { wallS: number; jobS: number; modelS: number; calls: number; chars: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, "bin/govdesk.mjs"), "--data-dir", data, "summarize", file, "--model", model, "--json"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const wallS = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`summarize failed: ${r.stderr.slice(-2000)}`);
  const s = JSON.parse(r.stdout) as { stats: { seconds: number; modelSeconds: number; modelCalls: number; inputChars: number } };
  return { wallS, jobS: s.stats.seconds, modelS: s.stats.modelSeconds, calls: s.stats.modelCalls, chars: s.stats.inputChars };
}

function bare(threads: number): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(import.meta.dirname, "../llm/bare-load.mjs"), model, String(threads)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bare model load failed: ${r.stderr}`);
  return (performance.now() - t) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), "govdesk-bench-summarize-"));
console.log(`summarize benchmark (tiny test model, through govdesk summarize); load average at start ${loadavg().map((x) => x.toFixed(1)).join(" ")}\n`);
console.log("| pages | input chars | model calls | wall (median) | in model | outside model | bare start + load | GovDesk overhead per 1,000 chars | per model call | job only, outside model per 1,000 chars |");
console.log("|------:|------:|------:|------:|------:|------:|------:|------:|------:|------:|");
try {
  for (const pages of args.pages.split(",").map(Number)) {
    const file = join(dir, `notice-${pages}.txt`);
    writeFileSync(file, generateNotice(pages));
    const data = join(dir, `data-${pages}`);
    cli(data, file); // untimed: creates the database and measures threads once
    const db = new Database(join(data, "govdesk.db"), { readonly: true });
    const threads = (db.prepare("SELECT threads FROM llm_threads LIMIT 1").pluck().get() as number | undefined) ?? 1;
    db.close();
    const runs: { g: ReturnType<typeof cli>; b: number }[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      if (i % 2) {
        const g = cli(data, file);
        runs.push({ g, b: bare(threads) });
      } else {
        const b = bare(threads);
        runs.push({ g: cli(data, file), b });
      }
    }
    const g = runs.map((r) => r.g);
    const overhead = runs.map((r) => r.g.wallS - r.g.modelS - r.b);
    const c = g[0]!;
    const f = (x: number): string => x.toFixed(2);
    console.log(
      `| ${pages} | ${c.chars} | ${c.calls} | ${f(median(g.map((x) => x.wallS)))} s | ${f(median(g.map((x) => x.modelS)))} s | ${f(median(g.map((x) => x.wallS - x.modelS)))} s | ${f(median(runs.map((r) => r.b)))} s | ${((median(overhead) * 1e6) / c.chars).toFixed(2)} ms | ${((median(overhead) * 1e3) / c.calls).toFixed(1)} ms | ${((median(g.map((x) => x.jobS - x.modelS)) * 1e6) / c.chars).toFixed(2)} ms |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nthreads: as measured for the model on this machine; load average at end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
