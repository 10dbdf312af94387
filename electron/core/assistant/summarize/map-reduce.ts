import type { ChatChunk, ChatModel } from "../../llm/chat-model";
import { RpcError } from "../../../common/rpc/wire";
import { fitTokens, promptTokens, summaryBudget, type SummaryBudget } from "../budget";
import type { SummaryLength, SummaryPoint } from "../extractive";
import { pickSentences } from "../extractive";
import { pageSentences } from "../page-sentences";
import { renderPart, summarizeMap, summarizeReduce, type ReducePart, type RenderedPrompt } from "../prompts";
import { planMapGroups, type MapGroup, type SummaryDocument } from "./plan";
import { pointsFromText } from "./points";

export interface MapReduceOptions {
  length: SummaryLength;
  signal?: AbortSignal;
  /** done/total counts chunks during "map", rounds during "reduce", tokens during "final". */
  onProgress?: (done: number, total: number, stage: "plan" | "map" | "reduce" | "final") => void;
  /** The final summary as it is generated. */
  onChunk?: (chunk: ChatChunk) => void;
}

export interface LlmSummary {
  method: "llm";
  summary: string;
  thought: string;
  points: SummaryPoint[];
  stats: { chunks: number; groups: number; modelCalls: number; reduceRounds: number; modelSeconds: number };
}

/**
 * Map-reduce summary with a budget from the model's context: map every
 * group of chunks to a short partial summary, merge partials in rounds until
 * they fit one prompt, then stream the final summary. Cancellable between
 * and during model calls.
 */
export async function mapReduceSummary(model: ChatModel, docs: readonly SummaryDocument[], opts: MapReduceOptions): Promise<LlmSummary> {
  const wanted = summaryBudget(model.contextSize, opts.length);
  const progress = opts.onProgress ?? (() => {});
  let modelSeconds = 0;
  let modelCalls = 0;
  const generate = async (p: RenderedPrompt, maxTokens: number, onChunk?: (c: ChatChunk) => void) => {
    checkCancelled(opts.signal);
    const t0 = performance.now();
    try {
      modelCalls++;
      return await model.generate({ system: p.system, messages: [{ role: "user", content: p.user }], maxTokens, temperature: 0.2, ...(opts.signal ? { signal: opts.signal } : {}), ...(onChunk ? { onChunk } : {}) });
    } finally {
      modelSeconds += (performance.now() - t0) / 1000;
      checkCancelled(opts.signal);
    }
  };

  const totalChunks = docs.reduce((n, d) => n + d.chunks.length, 0);
  progress(0, totalChunks, "plan");
  const title = docs.length === 1 ? docs[0]!.title : docs.map((d) => d.title).join("、");
  const finalPrompt = (parts: ReducePart[]) => summarizeReduce.render({ title, parts, length: opts.length, final: true });
  const { cap: partCap, ...budget } = await partTokenCap(model, title, wanted, opts.length);
  const groups = await planMapGroups(model, docs, budget.mapOutput);
  checkCancelled(opts.signal);

  let parts: ReducePart[];
  const direct = groups.length === 1 ? toPart(groups[0]!, 1, docs) : null;
  if (direct && (await promptTokens(model, finalPrompt([direct]))) + budget.finalOutput <= model.contextSize) {
    parts = [direct];
    progress(totalChunks, totalChunks, "map");
  } else {
    parts = [];
    let chunksDone = 0;
    for (const g of groups) {
      const r = await generate(summarizeMap.render({ title: docs[g.doc]!.title, pages: g.pages, text: g.text }), budget.mapOutput);
      const text = r.text.trim() ? await fitTokens(model, r.text.trim(), partCap) : fallbackGist(g);
      parts.push({ n: parts.length + 1, pages: g.pages, text, ...(docs.length > 1 ? { document: docs[g.doc]!.title } : {}) });
      chunksDone += g.chunkIds.length;
      progress(Math.min(chunksDone, totalChunks), totalChunks, "map");
    }
  }

  let reduceRounds = 0;
  while ((await promptTokens(model, finalPrompt(parts))) + budget.finalOutput > model.contextSize) {
    reduceRounds++;
    const batches = await packParts(model, title, parts, opts.length, budget.mapOutput);
    const next: ReducePart[] = [];
    for (let b = 0; b < batches.length; b++) {
      progress(b, batches.length, "reduce");
      // A part alone in its batch goes on unchanged: nothing to merge it with this round.
      if (batches[b]!.length === 1) {
        next.push({ ...batches[b]![0]!, n: next.length + 1 });
        continue;
      }
      const batch = batches[b]!.map((p, i) => ({ ...p, n: i + 1 }));
      const r = await generate(summarizeReduce.render({ title, parts: batch, length: opts.length, final: false }), budget.mapOutput);
      const pages = [...new Set(batch.flatMap((p) => p.pages))].sort((x, y) => x - y);
      const text = r.text.trim() ? await fitTokens(model, r.text.trim(), partCap) : batch.map((p) => p.text).join("").slice(0, 200);
      next.push({ n: next.length + 1, pages, text, ...sameDocument(batch) });
    }
    if (next.length >= parts.length) throw new Error("summary reduce made no progress");
    parts = next;
  }

  let produced = 0;
  const final = await generate(finalPrompt(parts), budget.finalOutput, (c) => {
    produced++;
    progress(Math.min(produced, budget.finalOutput), budget.finalOutput, "final");
    opts.onChunk?.(c);
  });
  const summary = final.text.trim();
  return {
    method: "llm",
    summary,
    thought: final.thought,
    points: pointsFromText(summary, parts),
    stats: { chunks: totalChunks, groups: groups.length, modelCalls, reduceRounds, modelSeconds },
  };
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof RpcError ? signal.reason : new RpcError("CANCELLED", "任务已取消");
}

function toPart(g: MapGroup, n: number, docs: readonly SummaryDocument[]): ReducePart {
  return { n, pages: g.pages, text: g.text, ...(docs.length > 1 ? { document: docs[g.doc]!.title } : {}) };
}

function sameDocument(parts: readonly ReducePart[]): { document?: string } {
  const d = parts[0]?.document;
  return d && parts.every((p) => p.document === d) ? { document: d } : {};
}

/** When the model says nothing for a part: its most central sentence, so no part is lost. */
function fallbackGist(g: MapGroup): string {
  const sentences = pageSentences([{ page: g.pages[0] ?? 1, text: g.text }]);
  return pickSentences(sentences, 1)[0]?.text ?? g.text.slice(0, 100);
}

/** Fewest tokens a part summary should keep; below this a reduce round says nothing. */
const MIN_PART_TOKENS = 40;

/**
 * Most tokens one part may have so that at least two parts always fit a
 * reduce prompt (otherwise rounds could not shrink the list), shrinking the
 * answer sizes on small contexts to keep that room.
 */
async function partTokenCap(
  model: ChatModel,
  title: string,
  budget: SummaryBudget,
  length: SummaryLength,
): Promise<{ cap: number; mapOutput: number; finalOutput: number }> {
  const empty = Math.max(
    await promptTokens(model, summarizeReduce.render({ title, parts: [], length, final: true })),
    await promptTokens(model, summarizeReduce.render({ title, parts: [], length, final: false })),
  );
  const label = (await model.countTokens(renderPart({ n: 999, pages: [9998, 9999], text: "", document: title }))) + 2;
  const maxOutput = model.contextSize - empty - 2 * (MIN_PART_TOKENS + label);
  const finalOutput = Math.min(budget.finalOutput, maxOutput);
  const mapOutput = Math.min(budget.mapOutput, maxOutput);
  if (Math.min(finalOutput, mapOutput) < 16) {
    throw new RpcError("UNAVAILABLE", `模型的上下文（${model.contextSize} 个词元）太小，无法生成摘要。请换用上下文更大的模型。`);
  }
  const cap = Math.floor((model.contextSize - Math.max(finalOutput, mapOutput) - empty) / 2) - label;
  return { cap, mapOutput: Math.min(mapOutput, cap), finalOutput };
}

/** Packs consecutive parts into reduce prompts that fit (partTokenCap makes two always fit). */
async function packParts(model: ChatModel, title: string, parts: readonly ReducePart[], length: SummaryLength, output: number): Promise<ReducePart[][]> {
  const empty = await promptTokens(model, summarizeReduce.render({ title, parts: [], length, final: false }));
  const room = model.contextSize - output - empty;
  const batches: ReducePart[][] = [];
  let current: ReducePart[] = [];
  let used = 0;
  for (const p of parts) {
    const t = (await model.countTokens(renderPart({ ...p, n: 999 }))) + 2;
    if (current.length > 0 && used + t > room) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(p);
    used += t;
  }
  if (current.length) batches.push(current);
  return batches;
}

