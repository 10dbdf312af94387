// The baseline of bench/ingest: bare pdfjs-dist in a process of its own (plain node, as
// the CLI runs), reading every page's text of the given PDFs one after another with the
// options GovDesk's extractor uses. Prints the characters read.
//   node bench/ingest/bare-pdfjs.mjs [--stock <pdfjs-dist folder>] a.pdf b.pdf …
// By default it gets what the product does to pdfjs too, so that the ratio is GovDesk's own
// overhead: the patched pdfjs-dist of node_modules (CMaps cached per thread), and the
// built-ins that pdfjs's legacy polyfills replace put back once pdfjs and its worker half
// have loaded (see loadPdfJs in electron/core/ingest/extract/pdf.ts), and V8's interrupt budget
// that GovDesk sets before its extraction threads start (EXTRACTION_INTERRUPT_BUDGET in
// electron/core/ingest/extract/tiering.ts). With --stock: the published pdfjs-dist from that
// folder, used as its README says in plain node, nothing put back or set.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";

const args = process.argv.slice(2);
const stock = args[0] === "--stock" ? args.splice(0, 2)[1] : null;
if (!stock) setFlagsFromString("--interrupt-budget=270336"); // = EXTRACTION_INTERRUPT_BUDGET
const root = stock ?? dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
let pdfjs;
if (stock) {
  pdfjs = await import(pathToFileURL(join(stock, "legacy/build/pdf.mjs")).href);
} else {
  const restored = [[Array.prototype, "push"], [JSON, "parse"], [JSON, "stringify"], [Function.prototype, "toString"]];
  const saved = restored.map(([o, k]) => Object.getOwnPropertyDescriptor(o, k));
  pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  globalThis.pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
  restored.forEach(([o, k], i) => Object.defineProperty(o, k, saved[i]));
}
let chars = 0;
for (const f of args) {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(await readFile(f)),
    cMapUrl: join(root, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(root, "standard_fonts") + "/",
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    for (const it of tc.items) if ("str" in it) chars += it.str.length;
    page.cleanup();
  }
  await doc.destroy();
}
if (chars === 0) throw new Error("bare extraction read no text");
process.stdout.write(`${chars}\n`);
