import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { collectLicenses, packageOf, runtimePackages } from "./licenses";

/**
 * Files the renderer fetches from the app's own folder, emitted by the
 * renderer build: pdfjs's character maps, standard fonts and decoders
 * (pdfjs/…: the page preview never reaches the network for them), and
 * licenses.json, the third-party licences 关于 lists (every package bundled
 * into the UI or installed as a runtime dependency, and llama.cpp).
 */
export function rendererAssets(root: string, extraPackages: readonly string[] = []): Plugin {
  const pdfjs = join(root, "node_modules/pdfjs-dist");
  return {
    name: "govdesk-renderer-assets",
    apply: "build",
    generateBundle() {
      for (const dir of ["cmaps", "standard_fonts", "wasm"]) {
        for (const file of readdirSync(join(pdfjs, dir))) {
          this.emitFile({ type: "asset", fileName: `pdfjs/${dir}/${file}`, source: readFileSync(join(pdfjs, dir, file)) });
        }
      }
      const bundled = [...this.getModuleIds()].map(packageOf).filter((p): p is string => p !== null);
      const licenses = collectLicenses(root, [...bundled, ...runtimePackages(root), ...extraPackages]);
      this.emitFile({ type: "asset", fileName: "licenses.json", source: JSON.stringify(licenses) });
    },
  };
}
