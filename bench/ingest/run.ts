/**
 * Ingestion vs bare text extraction: `npx tsx bench/ingest/run.ts [--dir pdfs/] [--runs 3] [--threads N]`.
 * The same PDFs, in the same run: (a) bare pdfjs-dist (legacy build, the
 * same CMap/standard-font options) reading every page's text in one thread;
 * (b) GovDesk's full pipeline into a fresh database: scan, sha256, extract in
 * worker threads, chunk, FTS5 index, one transaction per file (no
 * embeddings). Both sides are warmed first (pdfjs loaded; the pipeline's
 * shared worker threads started, as in a running app). Runs alternate
 * which goes first; medians are compared.
 * Target: full / bare <= 1.25.
 *
 * Then extraction alone, before and after issue 16's layout and hygiene
 * work, on the same files in the same run, one thread each: (c) the version
 * 1 PDF extractor (frozen in extract-v1.ts: text items in content order, the
 * first metadata recogniser) against (d) today's extractFile (layout by
 * geometry, rulings where a page looks tabular, hygiene, metadata with
 * sources). Target: after / before <= 1.2.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { openStore } from "../../electron/core/store/open-store";
import { createBase } from "../../electron/core/ingest/kb-repo";
import { extractFile } from "../../electron/core/ingest/extract";
import { ingestPaths } from "../../electron/core/ingest/pipeline";
import { extractPdfV1 } from "./extract-v1";
import { NOTICE_PAGES, writePdf, type PdfLine } from "../../electron/core/ingest/testing/fixtures";

const { values: args } = parseArgs({ options: { dir: { type: "string" }, runs: { type: "string", default: "3" }, threads: { type: "string" } } });
const CORPUS = "/work/shared/corpus";

/** A default set: 24 generated 公文 PDFs of 8 pages, plus the sample corpus's PDFs where present. */
async function defaultSet(): Promise<string[]> {
  const dir = join(tmpdir(), "govdesk-bench-ingest-pdfs");
  mkdirSync(dir, { recursive: true });
  const body: PdfLine[] = Array.from({ length: 28 }, (_, i) => ({ text: `（${i + 1}）各地各部门要按照统一部署，认真落实政务数据安全管理责任，第${i + 1}项。`, size: 11 }));
  const files: string[] = [];
  for (let i = 0; i < 24; i++) {
    const p = join(dir, `notice-${i}.pdf`);
    if (!existsSync(p)) await writePdf(p, [...NOTICE_PAGES, ...Array.from({ length: 5 }, () => body)]);
    files.push(p);
  }
  if (existsSync(CORPUS)) files.push(...readdirSync(CORPUS).filter((f) => f.endsWith(".pdf")).map((f) => join(CORPUS, f)));
  return files;
}

async function bare(files: string[]): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const t = performance.now();
  let chars = 0;
  for (const f of files) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(f)), cMapUrl: join(root, "cmaps") + "/", cMapPacked: true, standardFontDataUrl: join(root, "standard_fonts") + "/", isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const tc = await page.getTextContent();
      for (const it of tc.items) if ("str" in it) chars += it.str.length;
      page.cleanup();
    }
    await doc.destroy();
  }
  if (chars === 0) throw new Error("bare extraction read no text");
  return performance.now() - t;
}

async function full(files: string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "govdesk-bench-ingest-"));
  const store = openStore(dir);
  try {
    createBase(store.db, "bench");
    const t = performance.now();
    const r = await ingestPaths(store.db, "bench", files, { ...(args.threads ? { threads: Number(args.threads) } : {}), workersFrom: 1 });
    const ms = performance.now() - t;
    if (r.failed.length || r.ok !== files.length) throw new Error(`pipeline: ${JSON.stringify(r.failed)}`);
    return ms;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const files = args.dir ? readdirSync(args.dir).filter((f) => f.endsWith(".pdf")).map((f) => join(args.dir!, f)) : await defaultSet();
console.log(`${files.length} PDFs`);
// Warm both sides once before timing: pdfjs loaded here, the pipeline's worker threads started.
await bare(files.slice(0, 1));
await full(files.slice(0, 2));
const b: number[] = [];
const g: number[] = [];
for (let run = 0; run < Number(args.runs); run++) {
  if (run % 2 === 0) {
    b.push(await bare(files));
    g.push(await full(files));
  } else {
    g.push(await full(files));
    b.push(await bare(files));
  }
  console.log(`run ${run + 1}: bare ${b.at(-1)!.toFixed(0)} ms, full pipeline ${g.at(-1)!.toFixed(0)} ms, ratio ${(g.at(-1)! / b.at(-1)!).toFixed(2)}`);
}
const ratio = median(g) / median(b);
console.log(`median: bare ${median(b).toFixed(0)} ms, full pipeline ${median(g).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target <= 1.25: ${ratio <= 1.25 ? "met" : "NOT met"})`);

async function extractAll(files: string[], fn: (f: string) => Promise<unknown>): Promise<number> {
  const t = performance.now();
  for (const f of files) await fn(f);
  return performance.now() - t;
}

// Extraction before / after: both warm (pdfjs loaded), alternating which goes first.
await extractAll(files.slice(0, 1), extractPdfV1);
await extractAll(files.slice(0, 1), (f) => extractFile(f));
const v1: number[] = [];
const v2: number[] = [];
for (let run = 0; run < Number(args.runs); run++) {
  if (run % 2 === 0) {
    v1.push(await extractAll(files, extractPdfV1));
    v2.push(await extractAll(files, (f) => extractFile(f)));
  } else {
    v2.push(await extractAll(files, (f) => extractFile(f)));
    v1.push(await extractAll(files, extractPdfV1));
  }
  console.log(`run ${run + 1}: extraction before (v1) ${v1.at(-1)!.toFixed(0)} ms, after ${v2.at(-1)!.toFixed(0)} ms, ratio ${(v2.at(-1)! / v1.at(-1)!).toFixed(2)}`);
}
const extractRatio = median(v2) / median(v1);
console.log(`median: extraction before ${median(v1).toFixed(0)} ms, after ${median(v2).toFixed(0)} ms, ratio ${extractRatio.toFixed(2)} (target <= 1.2: ${extractRatio <= 1.2 ? "met" : "NOT met"})`);
