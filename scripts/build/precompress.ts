import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Below this a compressed copy saves too little to be worth a second file. */
const MIN_BYTES = 4096;

/**
 * A gzip copy (`x.js.gz`) beside each of the renderer's scripts and style
 * sheets, for `govdesk serve` to send to a browser that accepts it
 * (static-files.ts). On 2 busy cores the 1.2 MB main bundle took ~0.16 s to
 * reach a page over loopback, the browser's network process and renderer
 * waiting their turn; 0.4 MB compressed arrive sooner (issue 15: paired serve
 * starts 13/15 faster, median -38 ms). Made once at build time, at the
 * highest level, so nothing is compressed per request. The desktop window
 * reads the plain files from disk and never uses these.
 */
export function precompress(): Plugin {
  return {
    name: "govdesk-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(?:js|css)$/.test(name)) continue;
        const file = join(options.dir!, name);
        const body = readFileSync(file);
        if (body.length >= MIN_BYTES) writeFileSync(`${file}.gz`, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}
