/**
 * bench/llm: the same GGUF through GovDesk's runtime (worker process + IPC,
 * measured on the core's side) and through bare node-llama-cpp in this
 * process, in the same run; prints throughput and the ratio.
 *
 *   npx tsx bench/llm/run.ts [model.gguf] [--threads N] [--tokens N] [--runs N] [--gpu]
 *
 * Default model: the project's tiny test model. Target ratio ≥ 0.95.
 */
import { getLlama, LlamaChat, type ChatHistoryItem } from "node-llama-cpp";
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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Generation speed, the same way for both: tokens after the first, from the first piece's arrival to the end. */
function rate(tokens: number, firstAt: number, endAt: number): number {
  return endAt > firstAt ? ((tokens - 1) / (endAt - firstAt)) * 1000 : 0;
}

type Side = { generate: () => Promise<number>; embed: () => Promise<number>; close: () => Promise<void> };

/** GovDesk's runtime: worker process, measured on the core's side of the IPC. */
async function govdesk(): Promise<Side & { contextSize: number }> {
  const worker = new WorkerClient(forkProcessHost(), values.gpu ? {} : { GOVDESK_LLAMA_GPU: "false" });
  const spec: ModelSpec = { path, threads, gpuLayers: values.gpu ? "auto" : 0 };
  const info = await worker.job("llm.load", { model: spec, role: "chat" });
  const chat = new LocalChatModel(worker, spec, "bench", "bench", info.contextSize);
  const eInfo = await worker.job("llm.load", { model: spec, role: "embedding" });
  const emb = new LocalEmbedder(worker, spec, "bench", eInfo.embeddingDimension);
  await emb.embed(items.slice(0, 2));
  return {
    contextSize: info.contextSize,
    generate: async () => {
      let first = 0;
      const r = await chat.generate({ messages: [{ role: "user", content: PROMPT }], maxTokens: tokens, temperature: 0, onChunk: () => (first ||= performance.now()) });
      return rate(r.tokens, first, performance.now());
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
  const embCtx = await model.createEmbeddingContext({ contextSize, threads });
  for (const text of items.slice(0, 2)) await embCtx.getEmbeddingFor(text);
  return {
    generate: async () => {
      const sequence = context.getSequence();
      const chat = new LlamaChat({ contextSequence: sequence });
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
      const r = rate(n, first, performance.now());
      chat.dispose({ disposeSequence: false });
      sequence.dispose();
      return r;
    },
    embed: async () => {
      const t0 = performance.now();
      for (const text of items) await embCtx.getEmbeddingFor(text);
      return (items.length / (performance.now() - t0)) * 1000;
    },
    close: async () => {
      await embCtx.dispose();
      await context.dispose();
      await model.dispose();
    },
  };
}

const g1 = await govdesk();
const b1 = await bare(g1.contextSize);
const ours = { gen: [] as number[], emb: [] as number[], contextSize: g1.contextSize };
const base = { gen: [] as number[], emb: [] as number[] };
// Alternate which side goes first so that load from other processes hits both alike.
for (let i = 0; i < runs; i++) {
  const order: [Side, { gen: number[]; emb: number[] }][] = i % 2 ? [[b1, base], [g1, ours]] : [[g1, ours], [b1, base]];
  for (const [side, out] of order) out.gen.push(await side.generate());
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
console.log(row("generation", ours.gen, base.gen, g, "tok/s"));
console.log(row("embedding", ours.emb, base.emb, e, "items/s"));
console.log(g >= 0.95 && e >= 0.95 ? "target ≥ 0.95: met" : "target ≥ 0.95: NOT met");
