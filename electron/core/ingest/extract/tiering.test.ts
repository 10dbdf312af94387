import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { EXTRACTION_INTERRUPT_BUDGET, tuneTieringForExtraction } from "./tiering";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/**
 * A parser-like load in a fresh `node`: 60 distinct functions (too large for V8's early
 * "small function" path), each run 500 times. Returns how many of them V8 marked for TurboFan.
 *
 * V8 decides to mark by counting the bytecode a function runs against its interrupt budget,
 * not by time, so the count is the same on a loaded machine. Two things made the reading of
 * it unreliable, and both are taken out here: a concurrent compiler thread printing its own
 * trace lines into the middle of a "marking" line (V8 writes that line in several pieces), so
 * compilation stays on the main thread; and V8's buffered stdout cutting into the script's own
 * line, so the script reports its result in a file instead.
 */
function markedForTurbofan(tune: boolean): number {
  const script = join(dir, "load.mjs");
  writeFileSync(
    script,
    `if (process.argv[3] === "tune") (await import(process.argv[4])).tuneTieringForExtraction();
const body = (k) => \`let s = \${k}; for (let i = 0; i < 8; i++) { s = (s * 31 + x + i) % 1000003; if (s % 5 === 0) s += x >> 1; else if (s % 7 === 1) s ^= i; }\` + " s = s * 3 + (x & 7); s = s % 999983;".repeat(6) + " return s;";
const fns = Array.from({ length: 60 }, (_, k) => new Function(\`return function warm\${k}(x) { \${body(k)} }\`)());
let sum = 0;
for (let r = 0; r < 500; r++) for (const f of fns) sum += f(r);
(await import("node:fs")).writeFileSync(process.argv[2], \`sum \${sum}\\n\`);`,
  );
  const result = join(dir, tune ? "tuned.txt" : "plain.txt");
  const args = ["--import", "tsx", "--trace-opt", "--no-concurrent-recompilation", script, result];
  if (tune) args.push("tune", join(import.meta.dirname, "tiering.ts"));
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: join(import.meta.dirname, "../../../..") });
  expect(r.status, r.stderr).toBe(0);
  expect(readFileSync(result, "utf8")).toMatch(/^sum \d+\n$/);
  const marked = r.stdout.split("\n").map((l) => /marking .*JSFunction (warm\d+) .*TURBOFAN/.exec(l)?.[1]);
  return new Set(marked.filter((name) => name !== undefined)).size;
}

describe("V8's tier-up for extraction (tiering.ts)", () => {
  it("leaves an interrupt budget given to node alone, and sets its own once", () => {
    expect(EXTRACTION_INTERRUPT_BUDGET).toBe(4 * 67_584);
    expect(tuneTieringForExtraction(["--interrupt-budget=1000"])).toBe(false);
    expect(tuneTieringForExtraction(["--interrupt_budget", "1000"])).toBe(false);
    expect(tuneTieringForExtraction([])).toBe(true);
    expect(tuneTieringForExtraction([])).toBe(false);
  });

  it("bench/ingest's judged baseline runs with the same budget (a plain script: it repeats the number)", () => {
    const bare = readFileSync(join(import.meta.dirname, "../../../../bench/ingest/bare-pdfjs.mjs"), "utf8");
    expect(bare).toContain(`setFlagsFromString("--interrupt-budget=${EXTRACTION_INTERRUPT_BUDGET}")`);
  });

  it("takes effect in a running process: warm functions that V8 would send to TurboFan stay in the lower tiers", () => {
    const [plain, tuned] = [markedForTurbofan(false), markedForTurbofan(true)];
    // Measured on Node 20: all 60 marked with V8's default budget, none with four times it.
    expect(plain).toBeGreaterThanOrEqual(50);
    expect(tuned).toBeLessThan(plain / 4);
  }, 60_000);
});
