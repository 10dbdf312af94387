import type { ChatChunk, ChatModel, ChatTurn } from "../../llm/chat-model";
import type { SearchHit } from "../../search/types";
import { RpcError } from "../../../common/rpc/wire";
import { fitTokens, TEMPLATE_TOKENS } from "../budget";
import { locationLabel } from "../../../common/locate";
import { NOT_FOUND_ANSWER, ragAnswer, renderSource, type RenderedPrompt } from "../prompts";
import { resolveCitations } from "./citations";
import { contentGrams, overlap, relevantHits } from "./relevance";
import { toSourceRef, type SourceRef } from "./sources";

export interface AnswerInput {
  question: string;
  hits: readonly SearchHit[];
  /** What relevance is judged against when it is not the question alone (a follow-up with its context). */
  relevanceQuery?: string;
  /** Earlier turns of the conversation, oldest first. */
  history?: readonly ChatTurn[];
  signal?: AbortSignal;
  onChunk?: (chunk: ChatChunk) => void;
}

export interface Answer {
  answer: string;
  thought: string;
  /** Every source put in the prompt. */
  sources: SourceRef[];
  /** The sources the answer cites. */
  citations: SourceRef[];
  method: "llm" | "not-found" | "retrieval";
  stopReason?: "end" | "maxTokens" | "cancelled";
}

export interface RagPlan {
  prompt: RenderedPrompt;
  history: ChatTurn[];
  sources: SourceRef[];
  maxTokens: number;
}

/** Answer size from the context: a fifth of it, at most 768 tokens. */
export function answerTokens(contextSize: number): number {
  return Math.max(32, Math.min(768, Math.floor(contextSize / 5)));
}

/** History is kept only when the context has room for it beyond the sources. */
const MIN_ROOM_FOR_HISTORY = 512;

/**
 * Builds the prompt that fits the context: question, then as many numbered
 * sources as fit (best first, each shortened to its share), then as much
 * recent history as is left (oldest dropped first).
 */
export async function planRagPrompt(
  model: ChatModel,
  question: string,
  hits: readonly SearchHit[],
  history: readonly ChatTurn[] = [],
  /** Picks each source's cited passage (the question with its context for a follow-up). */
  passageQuery = question,
): Promise<RagPlan> {
  const maxTokens = answerTokens(model.contextSize);
  const empty = ragAnswer.render({ question, sources: [] });
  const fixed = (await model.countTokens(empty.system)) + (await model.countTokens(empty.user)) + TEMPLATE_TOKENS;
  let room = model.contextSize - maxTokens - fixed;
  if (room < 32) throw new RpcError("INVALID_INPUT", "问题太长，请缩短后再问。");
  const historyRoom = room >= MIN_ROOM_FOR_HISTORY ? Math.floor(room / 4) : 0;
  room -= historyRoom;
  const sources: SourceRef[] = [];
  const texts: { n: number; title: string; pages: number[]; where: string; text: string }[] = [];
  // Each source gets an equal share of the room, but never less than a useful passage.
  const share = Math.max(64, Math.floor(room / Math.max(1, hits.length)));
  for (const hit of hits) {
    const n = sources.length + 1;
    // The source is labelled where its cited passage is, as the source list will show it.
    const ref = toSourceRef(hit, n, passageQuery);
    const where = locationLabel(ref);
    const label = await model.countTokens(renderSource({ n, title: hit.title, pages: ref.pages, where, text: "" }));
    const allowed = Math.min(room - label - 1, share);
    if (allowed < 16) break;
    const text = await fitTokens(model, hit.text.trim(), allowed);
    if (!text) continue;
    room -= label + 1 + (await model.countTokens(text));
    sources.push(ref);
    texts.push({ n, title: hit.title, pages: ref.pages, where, text });
  }
  const kept: ChatTurn[] = [];
  let left = historyRoom;
  for (const turn of [...history].reverse()) {
    const t = (await model.countTokens(turn.content)) + 8;
    if (t > left) break;
    left -= t;
    kept.unshift(turn);
  }
  return { prompt: ragAnswer.render({ question, sources: texts }), history: kept, sources, maxTokens };
}

/**
 * Question → relevant hits → prompt with numbered sources → streamed answer
 * with its citations. Nothing relevant: the "not found" answer, and the model
 * is not called. No model: the passages themselves, cited, so the knowledge
 * base is still useful on a machine without one.
 */
export async function answerQuestion(model: ChatModel | null, input: AnswerInput): Promise<Answer> {
  const hits = relevantHits(input.relevanceQuery ?? input.question, input.hits);
  if (hits.length === 0) return { answer: NOT_FOUND_ANSWER, thought: "", sources: [], citations: [], method: "not-found" };
  if (!model) return retrievalOnly(input.relevanceQuery ?? input.question, hits);
  const plan = await planRagPrompt(model, input.question, hits, input.history, input.relevanceQuery);
  if (plan.sources.length === 0) return { answer: NOT_FOUND_ANSWER, thought: "", sources: [], citations: [], method: "not-found" };
  const r = await model.generate({
    system: plan.prompt.system,
    messages: [...plan.history, { role: "user", content: plan.prompt.user }],
    maxTokens: plan.maxTokens,
    temperature: 0.2,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onChunk ? { onChunk: input.onChunk } : {}),
  });
  if (input.signal?.aborted) throw input.signal.reason instanceof RpcError ? input.signal.reason : new RpcError("CANCELLED", "任务已取消");
  const answer = r.text.trim();
  return { answer, thought: r.thought, sources: plan.sources, citations: resolveCitations(answer, plan.sources), method: "llm", stopReason: r.stopReason };
}

/** Passages shown without a model: the best-matching few, those at least half as good as the best. */
const RETRIEVAL_PASSAGES = 3;

function retrievalOnly(question: string, hits: readonly SearchHit[]): Answer {
  const q = contentGrams(question);
  const scored = hits.map((h) => ({ h, score: overlap(q, h) }));
  const top = Math.max(...scored.map((x) => x.score));
  const best = scored.filter((x) => x.score * 2 >= top).slice(0, RETRIEVAL_PASSAGES);
  const sources = best.map((x, i) => toSourceRef(x.h, i + 1, question));
  const lines = sources.map((s) => `- ${s.snippet.replace(/\s*\n\s*/g, " ")} [${s.n}]（《${s.title}》${locationLabel(s)}）`);
  const answer = `未配置对话模型，以下是知识库中与问题最相关的原文：\n${lines.join("\n")}`;
  return { answer, thought: "", sources, citations: sources, method: "retrieval" };
}
