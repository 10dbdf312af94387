/**
 * OCR accuracy and speed on the corpus: `npx tsx bench/ocr/run.ts [--pages 4] [--dir corpus/] [--threads 1] [--dpi 150] [--save out/]`.
 * Text-layer PDF pages are rendered to images (pdfjs-dist + @napi-rs/canvas,
 * the app's own renderer), read by GovDesk's OCR engine, and compared with
 * the same pages' text layers (character error rate after dropping
 * whitespace and folding full-width forms). Each page is read twice: a clean
 * render, and a degraded one (a quarter turn, 90/180/270 in turn, a skew of up
 * to 2°, grey noise, speckle, JPEG at quality 60). Printed beside each: the
 * seconds the text-layer extraction of that page took (the baseline a
 * user has without OCR) and the seconds OCR took (render excluded, shown apart).
 * Targets: CER ≤ 3 % clean at 150 dpi, ≤ 8 % degraded.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cleanPages } from "../../electron/core/ingest/extract/hygiene";
import { itemsToText, loadPdfJs, pdfDocumentOptions } from "../../electron/core/ingest/extract/pdf";
import { characterErrorRate } from "../../electron/core/ingest/ocr/cer";
import { OcrEngine } from "../../electron/core/ingest/ocr/engine";
import { canvasOf, type QuarterTurn } from "../../electron/core/ingest/ocr/raster";
import { renderPdfPage } from "../../electron/core/ingest/ocr/render-pdf";
import { degrade } from "./degrade";

const { values: args } = parseArgs({
  options: { pages: { type: "string", default: "4" }, dir: { type: "string", default: "/work/shared/corpus" }, threads: { type: "string", default: "1" }, dpi: { type: "string", default: "150" }, save: { type: "string" } },
});
const want = Number(args.pages);
const dpi = Number(args.dpi);
if (!existsSync(args.dir)) throw new Error(`no corpus at ${args.dir} (--dir)`);
const files = readdirSync(args.dir).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(args.dir, f));

const lib = await loadPdfJs();
const docs = await Promise.all(files.map(async (f) => ({ f, doc: await lib.getDocument(pdfDocumentOptions(new Uint8Array(await readFile(f)))).promise })));
// Round robin over the documents (page 1, 2, … of each in turn) so a few pages still span several sources.
const picks: { f: string; n: number; doc: (typeof docs)[number]["doc"] }[] = [];
for (let n = 1; picks.length < want && docs.some((d) => d.doc.numPages >= n); n++) for (const d of docs) if (d.doc.numPages >= n && picks.length < want) picks.push({ f: d.f, n, doc: d.doc });

let t = performance.now();
const engine = await OcrEngine.create({ threads: Number(args.threads) });
const loadS = (performance.now() - t) / 1000;
if (args.save) mkdirSync(args.save, { recursive: true });
const TURNS: QuarterTurn[] = [90, 180, 270];
// Both readings cleaned as extraction cleans every page, whichever way it was read (a printed page number such as "- 1 -" becomes the page's label, not text).
const asExtracted = (n: number, text: string): string => cleanPages([{ page: n, text }])[0]!.text;
const rows: { page: string; chars: number; textS: number; renderS: number; clean: number; cleanS: number; noisy: number; noisyS: number; rot: string }[] = [];
for (const [i, p] of picks.entries()) {
  const page = await p.doc.getPage(p.n);
  t = performance.now();
  const layer = asExtracted(p.n, itemsToText((await page.getTextContent()).items.flatMap((it) => ("str" in it ? [it] : []))));
  const textS = (performance.now() - t) / 1000;
  if (!layer.replace(/\s/g, "")) continue;
  t = performance.now();
  const img = await renderPdfPage(page, dpi);
  const renderS = (performance.now() - t) / 1000;
  t = performance.now();
  const clean = await engine.readPage(img);
  const cleanS = (performance.now() - t) / 1000;
  const turn = TURNS[i % TURNS.length]!;
  const bad = await degrade(img, i + 1, turn);
  t = performance.now();
  const noisy = await engine.readPage(bad);
  const noisyS = (performance.now() - t) / 1000;
  const name = `${p.f.split("/").pop()!.replace(/\.pdf$/, "").slice(0, 28)} p${p.n}`;
  if (args.save) {
    writeFileSync(join(args.save, `${i}-clean.txt`), `${layer}\n----\n${asExtracted(p.n, clean.text)}`);
    writeFileSync(join(args.save, `${i}-noisy.png`), await canvasOf(bad).encode("png"));
  }
  rows.push({ page: name, chars: layer.replace(/\s/g, "").length, textS, renderS, clean: characterErrorRate(layer, asExtracted(p.n, clean.text)), cleanS, noisy: characterErrorRate(layer, asExtracted(p.n, noisy.text)), noisyS, rot: `${turn}→${noisy.rotation === (360 - turn) % 360 ? "ok" : noisy.rotation}` });
  const r = rows.at(-1)!;
  console.log(`${r.page.padEnd(32)} ${String(r.chars).padStart(5)} chars  text layer ${r.textS.toFixed(3)} s  render ${r.renderS.toFixed(2)} s  OCR clean ${(r.clean * 100).toFixed(2)} % ${r.cleanS.toFixed(1)} s  degraded (${r.rot}) ${(r.noisy * 100).toFixed(2)} % ${r.noisyS.toFixed(1)} s`);
}
const total = rows.reduce((s, r) => s + r.chars, 0);
const weighted = (k: "clean" | "noisy"): number => rows.reduce((s, r) => s + r[k] * r.chars, 0) / Math.max(1, total);
const mean = (k: "textS" | "cleanS" | "noisyS" | "renderS"): number => rows.reduce((s, r) => s + r[k], 0) / Math.max(1, rows.length);
console.log(`\n${rows.length} pages, ${total} characters, ${dpi} dpi, ${args.threads} thread(s); engine load ${loadS.toFixed(1)} s`);
console.log(`text layer: ${mean("textS").toFixed(3)} s/page`);
console.log(`OCR clean:    CER ${(weighted("clean") * 100).toFixed(2)} % (target ≤ 3 %)  ${mean("cleanS").toFixed(1)} s/page (+ render ${mean("renderS").toFixed(2)} s/page)`);
console.log(`OCR degraded: CER ${(weighted("noisy") * 100).toFixed(2)} % (target ≤ 8 %)  ${mean("noisyS").toFixed(1)} s/page; orientation right on ${rows.filter((r) => r.rot.endsWith("ok")).length}/${rows.length}`);
await engine.release();
