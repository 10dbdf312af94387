import type { ChatChunk, ChatModel } from "../../llm/chat-model";
import { RpcError } from "../../../common/rpc/wire";
import { cutToFit, promptTokens, summaryBudget, type SummaryBudget } from "../budget";
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
  const budget = await partBudget(model, title, wanted, opts.length);
  const groups = await planMapGroups(model, docs, budget.mapOutput);
  checkCancelled(opts.signal);

  let parts: Part[];
  const direct = groups.length === 1 ? toPart(groups[0]!, 1, docs) : null;
  const directTokens = direct ? await promptTokens(model, finalPrompt([direct])) : 0;
  if (direct && directTokens + budget.finalOutput <= model.contextSize) {
    parts = [{ ...direct, tokens: directTokens - budget.emptyFinal }];
    progress(totalChunks, totalChunks, "map");
  } else {
    parts = [];
    let chunksDone = 0;
    for (const g of groups) {
      const r = await generate(summarizeMap.render({ title: docs[g.doc]!.title, pages: g.pages, text: g.text }), budget.mapOutput);
      const part = { n: parts.length + 1, pages: g.pages, text: r.text.trim() || fallbackGist(g), ...(docs.length > 1 ? { document: docs[g.doc]!.title } : {}) };
      parts.push(await fitPart(model, part, budget));
      chunksDone += g.chunkIds.length;
      progress(Math.min(chunksDone, totalChunks), totalChunks, "map");
    }
  }

  let reduceRounds = 0;
  while (!(await fitsFinal(model, parts, budget, finalPrompt))) {
    reduceRounds++;
    const batches = packParts(parts, model.contextSize - budget.mapOutput - budget.emptyMerge);
    const next: Part[] = [];
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
      const text = r.text.trim() || batch.map((p) => p.text).join("").slice(0, 200);
      next.push(await fitPart(model, { n: next.length + 1, pages, text, ...sameDocument(batch) }, budget));
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
/** Tokens a join between two rendered parts costs (the "\n" and a possible merge). */
const JOIN_TOKENS = 2;

/** A part with its size as rendered in a reduce prompt, counted once when it is made. */
interface Part extends ReducePart {
  /** Tokens of renderPart with the widest number (999), plus JOIN_TOKENS. */
  tokens: number;
}

interface PartBudget {
  mapOutput: number;
  finalOutput: number;
  /** Most tokens one Part may have: two always fit a reduce prompt with its answer. */
  partMax: number;
  /** Tokens of the reduce prompts with no parts (final and merge rounds). */
  emptyFinal: number;
  emptyMerge: number;
}

/**
 * Sizes so that at least two parts always fit a reduce prompt (otherwise
 * rounds could not shrink the list), shrinking the answer sizes on small
 * contexts to keep that room.
 */
async function partBudget(model: ChatModel, title: string, budget: SummaryBudget, length: SummaryLength): Promise<PartBudget> {
  const emptyFinal = await promptTokens(model, summarizeReduce.render({ title, parts: [], length, final: true }));
  const emptyMerge = await promptTokens(model, summarizeReduce.render({ title, parts: [], length, final: false }));
  const empty = Math.max(emptyFinal, emptyMerge);
  const label = (await model.countTokens(renderPart({ n: 999, pages: [9998, 9999], text: "", document: title }))) + JOIN_TOKENS;
  const maxOutput = model.contextSize - empty - 2 * (MIN_PART_TOKENS + label);
  const finalOutput = Math.min(budget.finalOutput, maxOutput);
  const mapOutput = Math.min(budget.mapOutput, maxOutput);
  if (Math.min(finalOutput, mapOutput) < 16) {
    throw new RpcError("UNAVAILABLE", `模型的上下文（${model.contextSize} 个词元）太小，无法生成摘要。请换用上下文更大的模型。`);
  }
  const partMax = Math.floor((model.contextSize - Math.max(finalOutput, mapOutput) - empty) / 2);
  return { mapOutput: Math.min(mapOutput, partMax - label), finalOutput, partMax, emptyFinal, emptyMerge };
}

/**
 * Counts a part as rendered (one call for label and text) and cuts its text
 * at the end until it fits partMax, for answers that re-tokenise longer than
 * they were generated.
 */
async function fitPart(model: ChatModel, part: ReducePart, budget: PartBudget): Promise<Part> {
  const count = async (text: string) => (await model.countTokens(renderPart({ ...part, n: 999, text }))) + JOIN_TOKENS;
  return { ...part, ...(await cutToFit(part.text, budget.partMax, count)) };
}

/**
 * Does the final prompt fit with its answer? The parts' own counts bound it
 * from above (labels counted with the widest number, joins with slack); only
 * a sum within that slack of the room needs the whole prompt counted.
 */
async function fitsFinal(model: ChatModel, parts: readonly Part[], budget: PartBudget, render: (p: ReducePart[]) => RenderedPrompt): Promise<boolean> {
  const room = model.contextSize - budget.finalOutput - budget.emptyFinal;
  const sum = parts.reduce((n, p) => n + p.tokens, 0);
  if (sum <= room) return true;
  if (sum - 2 * JOIN_TOKENS * parts.length > room) return false;
  return (await promptTokens(model, render([...parts]))) + budget.finalOutput <= model.contextSize;
}

/** Packs consecutive parts into reduce prompts of at most `room` tokens (partBudget makes two always fit). */
function packParts(parts: readonly Part[], room: number): Part[][] {
  const batches: Part[][] = [];
  let current: Part[] = [];
  let used = 0;
  for (const p of parts) {
    if (current.length > 0 && used + p.tokens > room) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(p);
    used += p.tokens;
  }
  if (current.length) batches.push(current);
  return batches;
}
