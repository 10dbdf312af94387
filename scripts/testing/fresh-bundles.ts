import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * vitest globalSetup: the CLI, serve and e2e tests run `govdesk` as users
 * do, which runs the bundles in dist/. `npm test` builds first; a targeted
 * `npx vitest run …` after editing sources would otherwise test yesterday's
 * bundle, so a stale or missing build is rebuilt here (once per run).
 * GOVDESK_TEST_NO_BUILD=1 skips the rebuild (with a warning), for running
 * unit tests that never start govdesk while editing.
 */
const ROOT = join(import.meta.dirname, "../..");
const SOURCES = ["electron", "renderer/src", "renderer/index.html", "vite.config.ts", "package.json"];
const BUILT = ["dist/cli/govdesk.mjs", "dist/core/core.mjs", "dist/extract/extract-worker.mjs", "dist/worker/model-worker.mjs", "dist/renderer/index.html"];

function newest(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function oldestBuilt(): number {
  let min = Infinity;
  for (const f of BUILT) min = Math.min(min, statSync(join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return min;
}

export default function setup(): void {
  const source = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (oldestBuilt() >= source) return;
  if (process.env["GOVDESK_TEST_NO_BUILD"] === "1") {
    process.stderr.write("warning: dist/ is older than the sources (GOVDESK_TEST_NO_BUILD=1: not rebuilt); tests that run govdesk test the old build\n");
    return;
  }
  process.stderr.write("dist/ is older than the sources: running vite build before the tests that run govdesk …\n");
  // vitest sets NODE_ENV=test, and Vite would build React and antd in that mode (dialogs labelled
  // "test-id", development warnings), which the e2e checks for console errors and axe reject.
  const env = { ...process.env, NODE_ENV: "production" };
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit", env });
  if (r.status !== 0) throw new Error("vite build failed: the CLI and e2e tests need the bundles");
}
