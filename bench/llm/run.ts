/**
 * bench/llm: the same GGUF through GovDesk's runtime (worker process + IPC,
 * measured on the core's side) and through bare node-llama-cpp in this
 * process, in the same run; prints throughput and the ratio.
 *
 *   npx tsx bench/llm/run.ts [model.gguf] [--threads N] [--tokens N] [--runs N] [--gpu]
 *
 * Measured, paired (alternating which side goes first):
 *   start-up        GovDesk: fork the model worker and load the model until it answers;
 *                   bare: a plain node process that loads node-llama-cpp, the model and a
 *                   context (bare-load.mjs), spawn to exit
 *   first token     from the request to the first streamed text
 *   generation      tokens after the first, from the first piece to the end
 *   embedding       items/s; both sides embed the same texts one context at a time
 *                   (two at once with --gpu, as the worker does there)
 * Default model: the project's tiny test model. Exits 1 when generation or
 * embedding is below 0.95 of bare.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaChat, type ChatHistoryItem, type LlamaEmbeddingContext } from "node-llama-cpp";
import { parseArgs } from "node:util";
import { ensureTestModel } from "../../scripts/test-model/ensure";
import { LocalChatModel, LocalEmbedder } from "../../electron/core/llm/local-models";
import { forkProcessHost } from "../../electron/core/llm/process-host";
import type { ModelSpec } from "../../electron/core/llm/worker-contract";
import { WorkerClient } from "../../electron/core/llm/worker-client";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threads: { type: "string", default: "1" },
    tokens: { type: "string", default: "400" },
    runs: { type: "string", default: "21" },
    items: { type: "string", default: "64" },
    gpu: { type: "boolean", default: false },
  },
});
const threads = Number(values.threads);
const tokens = Number(values.tokens);
const runs = Number(values.runs);
const items = Array.from({ length: Number(values.items) }, (_, i) => `第${i + 1}条：各单位每季度末对办公用品进行盘点，建立台账。`);
const PROMPT = "请介绍一下公文的格式要求。";
const path = positionals[0] ?? (await ensureTestModel());
const WORKER = join(import.meta.dirname, "../../dist/worker/model-worker.mjs");
if (!existsSync(WORKER)) throw new Error("dist/worker is missing: run npm run build (the benchmark runs the worker the app runs)");

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Generation speed, the same way for both: tokens after the first, from the first piece's arrival to the end. */
function rate(tokens: number, firstAt: number, endAt: number): number {
  return endAt > firstAt ? ((tokens - 1) / (endAt - firstAt)) * 1000 : 0;
}

/** One generation: tokens per second after the first, and the time to the first text. */
type Gen = { rate: number; ttftMs: number };
type Side = { generate: () => Promise<Gen>; embed: () => Promise<number>; close: () => Promise<void> };
/** Embedding contexts working at once: what the worker uses (1 on a CPU, 2 on a GPU). */
const EMBED_CONTEXTS = values.gpu ? 2 : 1;

/** GovDesk's runtime: worker process, measured on the core's side of the IPC. */
async function govdesk(): Promise<Side & { contextSize: number; startMs: number }> {
  const t0 = performance.now();
  // The bundled worker, as the installed app and CLI start it (from source it would run through tsx).
  const worker = new WorkerClient(forkProcessHost(WORKER), values.gpu ? {} : { GOVDESK_LLAMA_GPU: "false" });
  const spec: ModelSpec = { path, threads, gpuLayers: values.gpu ? "auto" : 0, parallel: EMBED_CONTEXTS };
  const info = await worker.job("llm.load", { model: spec, role: "chat" });
  const startMs = performance.now() - t0;
  const chat = new LocalChatModel(worker, spec, "bench", "bench", info.contextSize);
  const eInfo = await worker.job("llm.load", { model: spec, role: "embedding" });
  const emb = new LocalEmbedder(worker, spec, "bench", eInfo.embeddingDimension);
  await emb.embed(items.slice(0, 2));
  return {
    contextSize: info.contextSize,
    startMs,
    generate: async () => {
      let first = 0;
      const t = performance.now();
      const r = await chat.generate({ messages: [{ role: "user", content: PROMPT }], maxTokens: tokens, temperature: 0, onChunk: () => (first ||= performance.now()) });
      return { rate: rate(r.tokens, first, performance.now()), ttftMs: first - t };
    },
    embed: async () => {
      const t0 = performance.now();
      await emb.embed(items);
      return (items.length / (performance.now() - t0)) * 1000;
    },
    close: () => worker.close(),
  };
}

/** Bare node-llama-cpp in this process, same model, context, threads and prompt. */
async function bare(contextSize: number): Promise<Side> {
  const llama = await getLlama(values.gpu ? { build: "never" } : { gpu: false, build: "never" });
  const model = await llama.loadModel({ modelPath: path, gpuLayers: values.gpu ? "auto" : 0 });
  const context = await model.createContext({ contextSize, threads, sequences: 1 });
  const embCtxs: LlamaEmbeddingContext[] = [];
  for (let i = 0; i < EMBED_CONTEXTS; i++) embCtxs.push(await model.createEmbeddingContext({ contextSize, threads }));
  for (const text of items.slice(0, 2)) await embCtxs[0]!.getEmbeddingFor(text);
  let wrapper: LlamaChat["chatWrapper"] | undefined;
  return {
    generate: async () => {
      const t = performance.now();
      const sequence = context.getSequence();
      // The template wrapper chosen once and kept, as the worker keeps it (choosing costs 0.3–3 s).
      const chat = new LlamaChat({ contextSequence: sequence, ...(wrapper ? { chatWrapper: wrapper } : {}) });
      wrapper ??= chat.chatWrapper;
      const history: ChatHistoryItem[] = [{ type: "user", text: PROMPT }, { type: "model", response: [] }];
      let first = 0;
      let n = 0;
      await chat.generateResponse(history, {
        maxTokens: tokens,
        temperature: 0,
        onResponseChunk: (c) => {
          n += c.tokens.length;
          if (c.text) first ||= performance.now();
        },
      });
      const r = { rate: rate(n, first, performance.now()), ttftMs: first - t };
      chat.dispose({ disposeSequence: false });
      sequence.dispose();
      return r;
    },
    embed: async () => {
      const t0 = performance.now();
      // The same texts, each context taking the next one as it is free (as the worker does).
      let next = 0;
      await Promise.all(embCtxs.map(async (ctx) => {
        while (next < items.length) await ctx.getEmbeddingFor(items[next++]!);
      }));
      return (items.length / (performance.now() - t0)) * 1000;
    },
    close: async () => {
      for (const c of embCtxs) await c.dispose();
      await context.dispose();
      await model.dispose();
    },
  };
}

/** Start-up of a bare process: spawn, load node-llama-cpp, the model and a context, exit. */
function bareStart(): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(import.meta.dirname, "bare-load.mjs"), path, String(threads)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bare start failed: ${r.stderr}`);
  return performance.now() - t;
}

console.log(`llm benchmark; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
// Start-up, paired: a fresh worker (and its model load) against a fresh bare process.
const starts = { ours: [] as number[], bare: [] as number[] };
for (let i = 0; i < 5; i++) {
  if (i % 2) starts.bare.push(bareStart());
  const w = await govdesk();
  starts.ours.push(w.startMs);
  await w.close();
  if (!(i % 2)) starts.bare.push(bareStart());
}
const g1 = await govdesk();
const b1 = await bare(g1.contextSize);
const ours = { gen: [] as number[], ttft: [] as number[], emb: [] as number[], contextSize: g1.contextSize };
const base = { gen: [] as number[], ttft: [] as number[], emb: [] as number[] };
// Alternate which side goes first so that load from other processes hits both alike.
for (let i = 0; i < runs; i++) {
  const order: [Side, typeof base][] = i % 2 ? [[b1, base], [g1, ours]] : [[g1, ours], [b1, base]];
  for (const [side, out] of order) {
    const r = await side.generate();
    out.gen.push(r.rate);
    out.ttft.push(r.ttftMs);
  }
  for (const [side, out] of order) out.emb.push(await side.embed());
}
await g1.close();
await b1.close();
/**
 * The ratio is the median of paired ratios: each GovDesk run against the bare
 * run right next to it in time. On a shared VM the speed of either side drifts
 * by 20–40 % within seconds; pairing cancels the drift that a ratio of two
 * independent medians keeps.
 */
const paired = (a: number[], b: number[]): number => median(a.map((x, i) => x / b[i]!));
const g = paired(ours.gen, base.gen);
const e = paired(ours.emb, base.emb);
const row = (name: string, a: number[], b: number[], r: number, unit: string): string =>
  `${name.padEnd(12)} govdesk ${median(a).toFixed(1).padStart(8)} ${unit}   bare ${median(b).toFixed(1).padStart(8)} ${unit}   ` +
  `ratio ${r.toFixed(3)}  (ratio of medians ${(median(a) / median(b)).toFixed(3)}, of best runs ${(Math.max(...a) / Math.max(...b)).toFixed(3)})`;
console.log(`model ${path}  threads ${threads}  tokens ${tokens}  runs ${runs} (median of paired runs)  context ${ours.contextSize}`);
console.log(`start-up     govdesk ${median(starts.ours).toFixed(0).padStart(8)} ms      bare ${median(starts.bare).toFixed(0).padStart(8)} ms      (worker fork + model load until it answers, vs a bare process spawned until its context is ready)`);
console.log(`first token  govdesk ${median(ours.ttft).toFixed(1).padStart(8)} ms      bare ${median(base.ttft).toFixed(1).padStart(8)} ms      paired ratio ${paired(ours.ttft, base.ttft).toFixed(3)} (lower is better)`);
console.log(row("generation", ours.gen, base.gen, g, "tok/s"));
console.log(row("embedding", ours.emb, base.emb, e, "items/s"));
console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const met = g >= 0.95 && e >= 0.95;
console.log(met ? "met     generation and embedding >= 0.95 of bare" : "MISSED  generation or embedding >= 0.95 of bare");
process.exitCode = met ? 0 : 1;
