/**
 * Writes a folder of distinct, real-looking 公文 for bulk ingestion
 * (docs.ts): 40 % PDF, 30 % DOCX, 30 % TXT (a third of those in GB18030),
 * about `--pages` pages each, spread over subfolders of 500 as a shared
 * drive would be. Files that exist are kept, so an interrupted run goes on
 * where it stopped. Ends by checking that no two files are identical.
 *   npx tsx bench/ingest/make-docs.ts --out /tmp/govdesk-10k --count 10000 [--pages 10] [--seed 1]
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { commonTerms, corpusSentences, corpusText, wordModel } from "../corpus/model";
import { govDoc, writeGovDocx, writeGovPdf, writeGovTxt } from "./docs";

const { values: args } = parseArgs({
  options: {
    out: { type: "string", default: "/tmp/govdesk-bench-10k" },
    count: { type: "string", default: "10000" },
    pages: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
  },
});
const COUNT = Number(args.count);
const corpus = await corpusText();
const sentences = corpusSentences(corpus);
const topics = commonTerms(wordModel(corpus), 300);

/** File i's path and format: the mix is fixed by position, so a resumed run writes the same set. */
export function fileFor(out: string, i: number): { path: string; kind: "pdf" | "docx" | "txt" | "gbk" } {
  const k = i % 10;
  const kind = k < 4 ? "pdf" : k < 7 ? "docx" : k < 9 ? "txt" : "gbk";
  const folder = join(out, `批次${String(Math.floor(i / 500) + 1).padStart(2, "0")}`);
  return { path: join(folder, `文件${String(i + 1).padStart(5, "0")}.${kind === "gbk" ? "txt" : kind}`), kind };
}

const t0 = performance.now();
let written = 0;
for (let i = 0; i < COUNT; i++) {
  const { path, kind } = fileFor(args.out, i);
  if (existsSync(path)) continue;
  mkdirSync(join(path, ".."), { recursive: true });
  const d = govDoc(i, sentences, topics, Number(args.pages), Number(args.seed));
  if (kind === "pdf") await writeGovPdf(path, d);
  else if (kind === "docx") await writeGovDocx(path, d);
  else await writeGovTxt(path, d, kind === "gbk");
  written++;
  if (written % 250 === 0) process.stderr.write(`\r${i + 1} / ${COUNT}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const hashes = new Set<string>();
for (let i = 0; i < COUNT; i++) hashes.add(createHash("sha256").update(readFileSync(fileFor(args.out, i).path)).digest("hex"));
process.stderr.write(`\n${COUNT} files in ${args.out} (${written} written now), ${hashes.size} distinct contents\n`);
if (hashes.size !== COUNT) process.exitCode = 1;
