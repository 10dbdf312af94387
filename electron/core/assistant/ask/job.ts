import type { AskResult, Citation } from "../../../common/contracts/assistant";
import type { SearchFiltersInput } from "../../../common/contracts/knowledge";
import { RpcError } from "../../../common/rpc/wire";
import { previewPage } from "../../ingest/kb-queries";
import type { ChatTurn } from "../../llm/chat-model";
import { searchKnowledgeBase } from "../../search/hybrid";
import { audit } from "../../security/services";
import type { CoreServices } from "../../services";
import { answerQuestion } from "../rag/answer";
import { relevantHits } from "../rag/relevance";
import type { SourceRef } from "../rag/sources";
import type { ConversationsRepo } from "../store/conversations-repo";
import type { JobHooks } from "../summarize/job";

export interface AskInput {
  question: string;
  conversationId?: number | undefined;
  kb?: string | undefined;
  modelPath?: string | undefined;
  k: number;
  filters?: SearchFiltersInput | undefined;
  regenerate: boolean;
}

const TITLE_CHARS = 30;

/**
 * The ask job: the conversation's knowledge base and model (or the ones
 * given for a new conversation), hybrid retrieval, the streamed answer, and
 * then — only once the answer is complete — the question and answer saved
 * together, so a cancelled answer leaves nothing behind.
 */
export async function runAsk(s: CoreServices, repo: ConversationsRepo, input: AskInput, hooks: JobHooks): Promise<AskResult> {
  const existing = input.conversationId !== undefined ? repo.get(input.conversationId) : null;
  const kb = existing ? existing.kb : (input.kb ?? null);
  if (!kb) throw new RpcError("INVALID_INPUT", "请先选择要提问的知识库。");
  const modelPath = existing?.modelPath ?? input.modelPath;
  const previous = existing ? repo.messages(existing.id) : [];
  let question = input.question;
  let history = previous;
  if (input.regenerate) {
    if (!existing) throw new RpcError("INVALID_INPUT", "只能在已有对话中重新生成回答。");
    history = previous.at(-1)?.role === "assistant" ? previous.slice(0, -1) : previous;
    const last = history.at(-1);
    if (!last || last.role !== "user") throw new RpcError("INVALID_INPUT", "这个对话还没有可以重新生成的回答。");
    question = last.content;
    history = history.slice(0, -1);
  }
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
  const turns: ChatTurn[] = history.map((m) => ({ role: m.role, content: m.content }));
  const answer = await answerQuestion(model, { question, hits, relevanceQuery, history: turns, signal: hooks.signal, ...(hooks.onChunk ? { onChunk: hooks.onChunk } : {}) });
  if (hooks.signal.aborted) throw hooks.signal.reason;
  const citations = answer.citations.map((c) => toCitation(s, c));
  const saved = s.store.db.transaction(() => {
    const conv =
      existing ??
      repo.create({ title: question.slice(0, TITLE_CHARS), kb, modelPath: input.modelPath ?? null, modelName: model?.name ?? null });
    const pair = repo.saveExchange(conv.id, question, { content: answer.answer, thought: answer.thought, citations, method: answer.method }, input.regenerate);
    return { conversationId: conv.id, ...pair };
  })();
  hooks.progress(3, 3, "answer");
  audit(s, { type: "ask", object: kb, detail: { method: answer.method, citations: citations.length }, question });
  return { conversationId: saved.conversationId, question: saved.question, answer: saved.answer };
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
