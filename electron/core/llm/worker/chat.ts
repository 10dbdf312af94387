import { LlamaChat, type ChatHistoryItem, type Llama, type LlamaGrammar, type Token } from "node-llama-cpp";
import type { ChatOutcome, ChatParams } from "../worker-contract";
import { takeTurn, type ChatSlot } from "./loaded-models";

type Params = Omit<ChatParams, "model">;
export type ChunkSink = (chunk: { type: "text" | "thought"; text: string }) => void;

/** Room left for the answer when the caller gives no maxTokens: a quarter of the context. */
const DEFAULT_ANSWER_SHARE = 0.25;

/**
 * One chat request on a loaded model: the model's own chat template (node-llama-cpp's
 * wrapper for it), thought segments streamed apart from the answer, history
 * trimmed from the oldest turn so prompt + answer never overflow the context.
 */
export async function runChat(llama: Llama, slot: ChatSlot, params: Params, signal: AbortSignal, onChunk: ChunkSink): Promise<ChatOutcome> {
  return takeTurn(slot, async () => {
    if (signal.aborted) return cancelledOutcome();
    const sequence = slot.context.getSequence();
    const chat = new LlamaChat({ contextSequence: sequence, ...(slot.chatWrapper ? { chatWrapper: slot.chatWrapper } : {}) });
    slot.chatWrapper ??= chat.chatWrapper;
    try {
      const contextSize = slot.context.contextSize;
      const grammar: LlamaGrammar | undefined = params.jsonSchema
        ? await llama.createGrammarForJsonSchema(params.jsonSchema as Parameters<Llama["createGrammarForJsonSchema"]>[0])
        : undefined;
      const { history, promptTokens, maxTokens } = fitHistory(slot, chat, params, contextSize);
      let text = "";
      let thought = "";
      let tokens = 0;
      const started = performance.now();
      let firstTokenAt = 0;
      let lastTokenAt = 0;
      const response = await chat.generateResponse(history, {
        maxTokens,
        ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
        ...(grammar ? { grammar } : {}),
        signal,
        stopOnAbortSignal: true,
        onResponseChunk: (chunk) => {
          const now = performance.now();
          if (chunk.tokens.length) {
            if (!firstTokenAt) firstTokenAt = now;
            lastTokenAt = now;
            tokens += chunk.tokens.length;
          }
          if (!chunk.text) return;
          const type = chunk.type === "segment" ? "thought" : "text";
          if (type === "thought") thought += chunk.text;
          else text += chunk.text;
          onChunk({ type, text: chunk.text });
        },
      });
      const reason = response.metadata.stopReason;
      return {
        text,
        thought,
        tokens,
        stopReason: reason === "abort" ? "cancelled" : reason === "maxTokens" ? "maxTokens" : "end",
        stats: {
          promptTokens,
          promptMs: (firstTokenAt || performance.now()) - started,
          generationMs: lastTokenAt > firstTokenAt ? lastTokenAt - firstTokenAt : 0,
        },
      };
    } finally {
      chat.dispose({ disposeSequence: false });
      sequence.dispose();
    }
  });
}

function cancelledOutcome(): ChatOutcome {
  return { text: "", thought: "", tokens: 0, stopReason: "cancelled", stats: { promptTokens: 0, promptMs: 0, generationMs: 0 } };
}

/**
 * Drops the oldest turns until the rendered prompt leaves room for the answer;
 * the newest message is kept (cut from its start if it alone is too long).
 */
function fitHistory(
  slot: ChatSlot,
  chat: LlamaChat,
  params: Params,
  contextSize: number,
): { history: ChatHistoryItem[]; promptTokens: number; maxTokens: number } {
  const wanted = params.maxTokens ?? Math.floor(contextSize * DEFAULT_ANSWER_SHARE);
  const answerRoom = Math.min(wanted, Math.floor(contextSize / 2));
  const budget = contextSize - answerRoom;
  const count = (history: ChatHistoryItem[]): number => promptTokenCount(slot, chat, history);
  let messages = params.messages;
  let history = toHistory(params.system, messages);
  let promptTokens = count(history);
  while (promptTokens > budget && messages.length > 1) {
    messages = messages.slice(1);
    history = toHistory(params.system, messages);
    promptTokens = count(history);
  }
  if (promptTokens > budget && messages.length === 1) {
    const last = messages[0]!;
    const over = promptTokens - budget;
    const tokens = slot.model.tokenize(last.content);
    const kept = slot.model.detokenize(tokens.slice(Math.min(tokens.length, over + 8)) as Token[]);
    messages = [{ ...last, content: kept }];
    history = toHistory(params.system, messages);
    promptTokens = count(history);
  }
  return { history, promptTokens, maxTokens: Math.max(1, Math.min(wanted, contextSize - promptTokens - 1)) };
}

function promptTokenCount(slot: ChatSlot, chat: LlamaChat, history: ChatHistoryItem[]): number {
  const { contextText } = chat.chatWrapper.generateContextState({ chatHistory: history });
  return contextText.tokenize(slot.model.tokenizer).length;
}

function toHistory(system: string | undefined, messages: Params["messages"]): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = system ? [{ type: "system", text: system }] : [];
  for (const m of messages) {
    items.push(m.role === "user" ? { type: "user", text: m.content } : { type: "model", response: [m.content] });
  }
  // An empty model turn at the end is where the answer goes.
  items.push({ type: "model", response: [] });
  return items;
}
