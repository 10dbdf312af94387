import { RpcError } from "../../../common/rpc/wire";
import type { ChatChunk, ChatModel, ChatTurn } from "../../llm/chat-model";
import { TEMPLATE_TOKENS } from "../budget";
import type { Answer } from "../rag/answer";

export interface PlainInput {
  question: string;
  history: readonly ChatTurn[];
  system: string;
  temperature: number;
  signal?: AbortSignal;
  onChunk?: (chunk: ChatChunk) => void;
}

/** Without a model a plain conversation cannot answer at all: say so, and what to do. */
export const NO_MODEL_FOR_CHAT =
  "没有可用的对话模型，无法直接对话。请在“模型”页导入模型并设为默认对话模型，或使用信息中心提供的内网模型服务器；也可以选择一个知识库，查看检索到的原文。";

/** Answer room of a plain conversation: a quarter of the context, at most 1,024 tokens. */
export function plainAnswerTokens(contextSize: number): number {
  return Math.max(32, Math.min(1024, Math.floor(contextSize / 4)));
}

/**
 * A conversation without a knowledge base: the model answers from the
 * conversation itself (the runtime drops the oldest turns that do not fit).
 */
export async function plainAnswer(model: ChatModel | null, input: PlainInput): Promise<Answer> {
  if (!model) throw new RpcError("UNAVAILABLE", NO_MODEL_FOR_CHAT);
  const maxTokens = plainAnswerTokens(model.contextSize);
  const history = await recentTurns(model, input, maxTokens);
  const r = await model.generate({
    system: input.system,
    messages: [...history, { role: "user", content: input.question }],
    maxTokens,
    temperature: input.temperature,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onChunk ? { onChunk: input.onChunk } : {}),
  });
  if (input.signal?.aborted) throw input.signal.reason instanceof RpcError ? input.signal.reason : new RpcError("CANCELLED", "任务已取消");
  return { answer: r.text.trim(), thought: r.thought, sources: [], citations: [], method: "llm", stopReason: r.stopReason };
}

/** Tokens a turn costs beyond its text (role markers). */
const TURN_TOKENS = 8;

/** As much of the conversation as fits beside the question and the answer, newest first kept. */
async function recentTurns(model: ChatModel, input: PlainInput, maxTokens: number): Promise<ChatTurn[]> {
  const fixed = (await model.countTokens(input.system)) + (await model.countTokens(input.question)) + TEMPLATE_TOKENS;
  let room = model.contextSize - maxTokens - fixed;
  if (room < 0) throw new RpcError("INVALID_INPUT", "问题加上系统提示词太长，超出了模型一次能读的长度：请缩短问题或系统提示词。");
  const kept: ChatTurn[] = [];
  for (const turn of [...input.history].reverse()) {
    const t = (await model.countTokens(turn.content)) + TURN_TOKENS;
    if (t > room) break;
    room -= t;
    kept.unshift(turn);
  }
  // A model turn must follow a user turn: never start the history with an answer.
  while (kept[0]?.role === "assistant") kept.shift();
  return kept;
}
