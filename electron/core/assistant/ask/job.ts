import type { AskResult, Citation } from "../../../common/contracts/assistant";
import type { SearchFiltersInput } from "../../../common/contracts/knowledge";
import { previewPage } from "../../ingest/kb-queries";
import type { ChatChunk, ChatModel, ChatTurn } from "../../llm/chat-model";
import { searchKnowledgeBase } from "../../search/hybrid";
import { audit } from "../../security/services";
import type { CoreServices } from "../../services";
import { assertChatOptionsAllowed, chatOptions, plainSystemPrompt, RAG_TEMPERATURE, type ChatOptions } from "../chat/options";
import { plainAnswer } from "../chat/plain";
import { answerQuestion, type Answer } from "../rag/answer";
import { relevantHits } from "../rag/relevance";
import type { SourceRef } from "../rag/sources";
import type { ConversationsRepo } from "../store/conversations-repo";
import type { JobHooks } from "../summarize/job";
import { turnOf } from "./turn";

export interface AskInput {
  question: string;
  conversationId?: number | undefined;
  kb?: string | undefined;
  modelPath?: string | undefined;
  k: number;
  filters?: SearchFiltersInput | undefined;
  regenerate: boolean;
  editOf?: number | undefined;
  systemPrompt?: string | undefined;
  temperature?: number | undefined;
}

const TITLE_CHARS = 30;

/**
 * The ask job: the conversation's knowledge base and model (or the ones
 * given for a new conversation); with a knowledge base, hybrid retrieval and
 * an answer with citations, without one a plain conversation with the
 * model. Only once the answer is complete are the question and answer saved
 * together, so a cancelled answer leaves nothing behind.
 */
export async function runAsk(s: CoreServices, repo: ConversationsRepo, input: AskInput, hooks: JobHooks): Promise<AskResult> {
  const existing = input.conversationId !== undefined ? repo.get(input.conversationId) : null;
  if (!existing) assertChatOptionsAllowed(s, input);
  const kb = existing ? existing.kb : (input.kb ?? null);
  const modelPath = existing?.modelPath ?? input.modelPath;
  const turn = turnOf(existing ? repo.thread(existing.id) : [], input, existing !== null);
  const options = chatOptions(s, existing ?? { systemPrompt: input.systemPrompt ?? null, temperature: input.temperature ?? null });
  const history: ChatTurn[] = turn.history.map((m) => ({ role: m.role, content: m.content }));
  const speed = speedMeter(hooks.onChunk);

  let answer: Answer;
  let model: ChatModel | null;
  if (kb) {
    ({ answer, model } = await askBase(s, kb, modelPath, turn.question, history, input, options, { ...hooks, onChunk: speed.onChunk }));
  } else {
    hooks.progress(0, 2, "model");
    model = await s.chatModel({ ...(modelPath ? { modelPath } : {}), signal: hooks.signal });
    hooks.progress(1, 2, "answer");
    answer = await plainAnswer(model, {
      question: turn.question,
      history,
      system: plainSystemPrompt(options),
      temperature: options.temperature,
      signal: hooks.signal,
      onChunk: speed.onChunk,
    });
  }
  if (hooks.signal.aborted) throw hooks.signal.reason;
  const citations = answer.citations.map((c) => toCitation(s, c));
  const saved = s.store.db.transaction(() => {
    const conv =
      existing ??
      repo.create({
        title: turn.question.slice(0, TITLE_CHARS),
        kb,
        modelPath: input.modelPath ?? null,
        modelName: model?.name ?? null,
        systemPrompt: input.systemPrompt ?? null,
        temperature: input.temperature ?? null,
      });
    const fields = { content: answer.answer, thought: answer.thought, citations, method: answer.method, speed: answer.method === "llm" ? speed.value(answer.answer) : null };
    const pair = repo.saveExchange(conv.id, turn.question, fields, turn.mode);
    return { conversationId: conv.id, ...pair };
  })();
  hooks.progress(3, 3, "answer");
  audit(s, { type: "ask", object: kb ?? "（直接对话）", detail: { method: answer.method, citations: citations.length }, question: turn.question });
  return { conversationId: saved.conversationId, question: saved.question, answer: saved.answer };
}

/** Retrieval, then the answer with citations (or the passages, or "not found"). */
async function askBase(
  s: CoreServices,
  kb: string,
  modelPath: string | undefined,
  question: string,
  history: ChatTurn[],
  input: AskInput,
  options: ChatOptions,
  hooks: JobHooks,
): Promise<{ answer: Answer; model: ChatModel | null }> {
  hooks.progress(0, 3, "search");
  const embedder = await s.embedder({ signal: hooks.signal });
  const search = (q: string) => searchKnowledgeBase(s, kb, q, { k: input.k, embedder, ...(input.filters ? { filters: input.filters } : {}) });
  let hits = await search(question);
  let relevanceQuery = question;
  // A follow-up ("它由谁负责？") may name nothing itself: search again with the previous question.
  const previousQuestion = history.findLast((m) => m.role === "user")?.content;
  if (relevantHits(question, hits).length === 0 && previousQuestion) {
    const combined = `${previousQuestion} ${question}`;
    const more = await search(combined);
    if (relevantHits(combined, more).length > 0) [hits, relevanceQuery] = [more, combined];
  }
  if (hooks.signal.aborted) throw hooks.signal.reason;
  hooks.progress(1, 3, "model");
  const model = await s.chatModel({ ...(modelPath ? { modelPath } : {}), signal: hooks.signal });
  hooks.progress(2, 3, "answer");
  const answer = await answerQuestion(model, {
    question,
    hits,
    relevanceQuery,
    history,
    signal: hooks.signal,
    customPrompt: options.customPrompt,
    temperature: options.temperatureSet ? options.temperature : RAG_TEMPERATURE,
    ...(hooks.onChunk ? { onChunk: hooks.onChunk } : {}),
  });
  return { answer, model };
}

/** Characters per second of the answer text, from its first streamed piece to the end. */
function speedMeter(next?: (c: ChatChunk) => void): { onChunk: (c: ChatChunk) => void; value: (text: string) => number | null } {
  let first = 0;
  return {
    onChunk: (c) => {
      if (c.type === "text" && !first) first = performance.now();
      next?.(c);
    },
    value: (text) => {
      const seconds = first ? (performance.now() - first) / 1000 : 0;
      return seconds > 0.05 && text.length > 1 ? Math.round((text.length / seconds) * 10) / 10 : null;
    },
  };
}

/** A cited chunk spanning pages is pinned to the page whose text holds the passage. */
function toCitation(s: CoreServices, c: SourceRef): Citation {
  let page = c.page;
  if (c.pages.length > 1) {
    const probe = c.snippet.replace(/\s+/g, "").slice(0, 24);
    for (const p of c.pages) {
      try {
        if (previewPage(s.store.db, c.documentId, p).text.replace(/\s+/g, "").includes(probe)) {
          page = p;
          break;
        }
      } catch {
        break;
      }
    }
  }
  return { n: c.n, documentId: c.documentId, chunkId: c.chunkId, path: c.path, title: c.title, page, pages: c.pages, snippet: c.snippet };
}
