import type { Summary, SummaryLength, SummarySource } from "../../../common/contracts/assistant";
import { chunkPages } from "../../ingest/chunk";
import type { ChatChunk } from "../../llm/chat-model";
import type { CoreServices } from "../../services";
import { audit } from "../../security/services";
import { extractiveSummary, type SummaryPoint } from "../extractive";
import { summarizeMap, summarizeReduce } from "../prompts";
import { saveSummary } from "../store/summaries-repo";
import { summaryBudget } from "../budget";
import { mapReduceSummary } from "./map-reduce";
import { chunkTokensFor, type SummaryDocument } from "./plan";
import { loadSource, requireText, type LoadedDocument } from "./load";

export interface SummarizeInput {
  sources: SummarySource[];
  length: SummaryLength;
  modelPath?: string | undefined;
  extractive: boolean;
}

export interface JobHooks {
  signal: AbortSignal;
  progress(done: number, total: number, stage: string): void;
  onChunk?: (c: ChatChunk) => void;
}

/** Largest chunk size for map-reduce (estimated tokens); the planner regroups by the model's own count. */
const CHUNK_TOKENS = 400;

/**
 * The summarise job: load every document (stage "extract"), then map-reduce
 * with the chat model, or an extractive summary when there is none (or it
 * was asked for). The result is saved so it can be reopened and exported.
 */
export async function runSummarize(s: CoreServices, input: SummarizeInput, hooks: JobHooks): Promise<Summary> {
  const t0 = performance.now();
  const docs: LoadedDocument[] = [];
  for (let i = 0; i < input.sources.length; i++) {
    hooks.progress(i, input.sources.length, "extract");
    const doc = await loadSource(s, input.sources[i]!, hooks.signal, (p) => hooks.progress(p.done, p.total, "ocr"));
    requireText(doc);
    docs.push(doc);
  }
  const model = input.extractive ? null : await s.chatModel({ ...(input.modelPath ? { modelPath: input.modelPath } : {}), signal: hooks.signal });
  if (hooks.signal.aborted) throw hooks.signal.reason;
  const inputChars = docs.reduce((n, d) => n + d.pages.reduce((m, p) => m + p.text.length, 0), 0);
  // Text without fixed pages counts no pages, and its points name none (not "第1页" for all of it).
  const pageCount = docs.reduce((n, d) => n + (d.paged ? d.pages.length : 0), 0);
  const title = docs.length === 1 ? docs[0]!.title : `${docs[0]!.title} 等 ${docs.length} 个文档`;
  const warnings = docs.flatMap((d) => d.warnings.map((w) => (docs.length > 1 ? `${d.title}：${w}` : w)));
  let body: Pick<Summary, "method" | "summary" | "thought" | "points" | "prompts"> & { chunks: number; groups: number; modelCalls: number; reduceRounds: number; modelSeconds: number };
  if (!model) {
    hooks.progress(0, 1, "extractive");
    const r = extractiveMany(docs, input.length);
    body = { ...r, thought: "", prompts: "", chunks: 0, groups: 0, modelCalls: 0, reduceRounds: 0, modelSeconds: 0 };
    hooks.progress(1, 1, "extractive");
  } else {
    const mapOutput = summaryBudget(model.contextSize, input.length).mapOutput;
    const chunked: SummaryDocument[] = [];
    for (const d of docs) {
      const targetTokens = await chunkTokensFor(model, d.title, d.pages, mapOutput, CHUNK_TOKENS);
      chunked.push({ title: d.title, path: d.path, chunks: chunkPages(d.pages, { targetTokens, overlapTokens: 0 }) });
    }
    const r = await mapReduceSummary(model, chunked, {
      length: input.length,
      signal: hooks.signal,
      onProgress: hooks.progress,
      ...(hooks.onChunk ? { onChunk: hooks.onChunk } : {}),
    });
    body = { method: "llm", summary: r.summary, thought: r.thought, points: r.points, prompts: `${summarizeMap.id}@${summarizeMap.version} ${summarizeReduce.id}@${summarizeReduce.version}`, ...r.stats };
  }
  const flowTitles = new Set(docs.filter((d) => !d.paged).map((d) => d.title));
  const flowing = (p: SummaryPoint): boolean => (docs.length === 1 ? !docs[0]!.paged : !!p.document && flowTitles.has(p.document));
  body.points = body.points.map((p) => (flowing(p) ? { ...p, pages: [] } : p));
  const { chunks, groups, modelCalls, reduceRounds, modelSeconds, ...rest } = body;
  const seconds = (performance.now() - t0) / 1000;
  const saved = saveSummary(s.store.db, {
    ...rest,
    title,
    length: input.length,
    documents: docs.map((d) => ({ title: d.title, path: d.path, pages: d.pages.length, ...(d.documentId ? { documentId: d.documentId } : {}) })),
    stats: { chunks, inputChars, seconds, pages: pageCount, groups, modelCalls, reduceRounds, modelSeconds },
    model: model?.name ?? null,
    warnings,
    createdAt: Date.now(),
  });
  audit(s, { type: "summarize", object: docs.map((d) => d.path).join("; ").slice(0, 500), detail: { method: saved.method, length: input.length, chars: inputChars } });
  return saved;
}

/** Extractive summary of several documents: each gets its share of points, labelled with its title. */
function extractiveMany(docs: readonly LoadedDocument[], length: SummaryLength): { method: "extractive"; summary: string; points: SummaryPoint[] } {
  if (docs.length === 1) return extractiveSummary(docs[0]!.pages, length);
  const parts = docs.map((d) => ({ title: d.title, r: extractiveSummary(d.pages, length, d.title) }));
  const summary = parts.map((p) => `《${p.title}》\n${p.r.summary}`).join("\n\n");
  return { method: "extractive", summary, points: parts.flatMap((p) => p.r.points) };
}
