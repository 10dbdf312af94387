import { builtinModules } from "node:module";
import { resolve } from "node:path";
import { defineConfig, type InlineConfig } from "vite";
import react from "@vitejs/plugin-react";
import electron from "vite-plugin-electron";
import pkg from "./package.json" with { type: "json" };
import { directImports } from "./scripts/build/direct-imports";
import { rendererAssets } from "./scripts/build/renderer-assets";
import { precompress } from "./scripts/build/precompress";
import { antdCss } from "./scripts/build/antd-css";
import { xStyles } from "./scripts/build/x-styles";
import { zeroRuntimeStyles } from "./scripts/build/zero-runtime-styles";

/**
 * One `vite build` produces every bundle:
 *   dist/renderer/         the React UI (also what `govdesk serve` serves)
 *   dist/main/main.cjs     Electron main (CommonJS)
 *   dist/preload/preload.cjs  sandboxed preload (CommonJS, all deps inlined)
 *   dist/core/core.mjs     the core, run by utilityProcess.fork (ESM: node-llama-cpp is ESM-only)
 *   dist/cli/govdesk.mjs   the command line, for installs without sources or tsx
 *   dist/cli/core-thread.mjs  the worker thread `govdesk serve` opens its core in
 *   dist/extract/extract-worker.mjs  the extraction worker thread, started by the core and the CLI
 *   dist/worker/model-worker.mjs  the model worker process (llama.cpp), started for the core
 *
 * We use vite-plugin-electron (not electron-vite) because it plugs into the
 * ordinary vite.config.ts, lets us add the core, the CLI and the workers as
 * entries next to main and preload, and never needs the Electron binary to build.
 */
const root = import.meta.dirname;
// Runtime dependencies stay in node_modules (electron-builder ships them; native
// ones asar-unpacked), so pdfjs-dist finds its cmaps and node-llama-cpp its binaries.
// zod is the exception: bundled (tree-shaken) it loads as part of one file instead of ~100
// ES modules and every locale, which is most of a short command's start-up time.
const BUNDLED = new Set(["zod"]);
const runtimeDeps = Object.keys(pkg.dependencies).filter((dep) => !BUNDLED.has(dep));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const external = (id: string): boolean =>
  id === "electron" || builtins.has(id) || runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * One Node-side bundle for vite-plugin-electron: entry file -> dist/<dir>/<file>. `more` adds
 * entries to the same bundle (name -> source, written as <name>.mjs), sharing its chunks.
 */
function nodeTarget(
  entry: string,
  outDir: string,
  fileName: string,
  format: "cjs" | "es",
  isExternal: (id: string) => boolean = external,
  more: Record<string, string> = {},
): { entry: string; vite: InlineConfig } {
  return { entry, vite: nodeBundle(entry, outDir, fileName, format, isExternal, more) };
}

function nodeBundle(
  entry: string,
  outDir: string,
  fileName: string,
  format: "cjs" | "es",
  isExternal: (id: string) => boolean,
  more: Record<string, string>,
): InlineConfig {
  const main = fileName.replace(/\.[^.]+$/, "");
  const entries = { [main]: resolve(root, entry), ...Object.fromEntries(Object.entries(more).map(([name, src]) => [name, resolve(root, src)])) };
  return {
    configFile: false,
    build: {
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      target: "node20",
      lib: { entry: entries, formats: [format], fileName: (_format, name) => (name === main ? fileName : `${name}.mjs`) },
      rollupOptions: {
        external: isExternal,
        // ESM bundles keep their dynamic imports as chunks beside the entry (same folder, so
        // import.meta.url-relative paths still hold): a command loads only what it uses.
        // CommonJS bundles (main, preload) stay single files.
        output: format === "es" ? { inlineDynamicImports: false, chunkFileNames: "[name]-[hash].mjs" } : { inlineDynamicImports: true },
      },
    },
  };
}

export default defineConfig({
  root: resolve(root, "renderer"),
  base: "./",
  publicDir: false,
  build: {
    outDir: resolve(root, "dist/renderer"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  plugins: [
    react(),
    directImports(root),
    antdCss(resolve(root, "renderer/src"), resolve(root, "node_modules")),
    xStyles(),
    zeroRuntimeStyles(),
    // Electron ships with the desktop app, though npm sees it as a build tool.
    rendererAssets(root, ["electron"]),
    precompress(),
    electron([
      nodeTarget("electron/main/main.ts", "dist/main", "main.cjs", "cjs"),
      // The sandboxed preload can require only "electron": everything else is inlined.
      nodeTarget("electron/preload/preload.ts", "dist/preload", "preload.cjs", "cjs", (id) => id === "electron"),
      nodeTarget("electron/core/entry/utility.ts", "dist/core", "core.mjs", "es"),
      // With serve's core thread (it opens the core beside the thread that serves the page).
      nodeTarget("electron/cli/main.ts", "dist/cli", "govdesk.mjs", "es", external, { "core-thread": "electron/core/server/core-thread.ts" }),
      // Knowledge-base extraction worker thread, started by dist/core and dist/cli.
      nodeTarget("electron/core/ingest/extract/worker.ts", "dist/extract", "extract-worker.mjs", "es"),
      nodeTarget("electron/core/llm/worker/entry.ts", "dist/worker", "model-worker.mjs", "es"),
    ]),
  ],
});
