/**
 * bench/summarize: the summarise job over a long generated document, with
 * the tiny test model in process (threads 1), reporting the time spent
 * outside model calls (extraction, chunking, token counting, prompts,
 * events, saving) per 1,000 input characters, and how memory grows with the
 * document's length.
 *
 *   npx tsx bench/summarize/run.ts [--pages 50,100,200] [--ctx 2048]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { contract } from "../../electron/common/contract";
import { runJob } from "../../electron/common/rpc/run-job";
import { tempDir } from "../../electron/core/testing/temp-dir";
import { openAssistantCore } from "../../electron/core/assistant/testing/core";
import { loadTestChatModel } from "../../electron/core/assistant/testing/llama-chat-model";
import { ensureTestModel } from "../../scripts/test-model/ensure";
import { generateNotice } from "./document";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const sizes = arg("pages", "50,100,200").split(",").map(Number);
const ctx = Number(arg("ctx", "2048"));
const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

const model = await loadTestChatModel(await ensureTestModel(), ctx);
const { dir, cleanup } = tempDir("govdesk-bench-summarize-");
const rows: string[] = [];
try {
  for (const pages of sizes) {
    const path = join(dir, `notice-${pages}.txt`);
    writeFileSync(path, generateNotice(pages));
    for (const extractive of [true, false]) {
      const { core, client } = openAssistantCore(join(dir, `data-${pages}-${extractive}`), () => model);
      global.gc?.();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
      }, 20);
      const t0 = performance.now();
      const s = await runJob(contract, client, "assistant.summarize", { sources: [{ path }], length: "bullets", extractive });
      const wall = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      const outside = wall - s.stats.modelSeconds;
      rows.push(
        `| ${pages} | ${s.method} | ${s.stats.inputChars} | ${s.stats.chunks} | ${s.stats.groups} | ${s.stats.modelCalls} | ${wall.toFixed(2)} s | ${s.stats.modelSeconds.toFixed(2)} s | ${((outside * 1000 * 1000) / s.stats.inputChars).toFixed(3)} ms | +${mb(peakHeap - base.heapUsed)} MB | ${mb(peakRss)} MB |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
      client.close();
      await core.close();
    }
  }
} finally {
  await model.dispose();
  cleanup();
}
console.log(`context ${ctx}, threads 1, tiny test model\n`);
console.log("| pages | method | input chars | chunks | map groups | model calls | wall | in model | outside model per 1,000 chars | peak heap growth | peak RSS |");
console.log("|------:|--------|------:|------:|------:|------:|------:|------:|------:|------:|------:|");
for (const r of rows) console.log(r);
