import type { ChatModel } from "../llm/chat-model";
import type { SummaryLength } from "./extractive";
import type { RenderedPrompt } from "./prompts";

/**
 * Tokens the chat template adds around system and user turns (role markers,
 * BOS, the assistant header) that countTokens on the bare text does not see.
 * Measured on the ChatML test model: 30 when role names fall apart into
 * byte tokens; real models need fewer.
 */
export const TEMPLATE_TOKENS = 40;

export interface SummaryBudget {
  contextSize: number;
  /** Most tokens one map answer (a part's summary) may have. */
  mapOutput: number;
  /** Most tokens of the final, streamed summary. */
  finalOutput: number;
}

const FINAL_SHARE: Record<SummaryLength, [number, number]> = {
  brief: [8, 160],
  bullets: [4, 600],
  detailed: [3, 1200],
};

/** Output sizes derived from the loaded model's context size. */
export function summaryBudget(contextSize: number, length: SummaryLength): SummaryBudget {
  const [share, cap] = FINAL_SHARE[length];
  return {
    contextSize,
    mapOutput: Math.max(16, Math.min(400, Math.floor(contextSize / 6))),
    finalOutput: Math.max(24, Math.min(cap, Math.floor(contextSize / share))),
  };
}

export async function promptTokens(model: ChatModel, p: RenderedPrompt): Promise<number> {
  const [a, b] = await Promise.all([model.countTokens(p.system), model.countTokens(p.user)]);
  return a + b + TEMPLATE_TOKENS;
}

/** Does the prompt plus an answer of `output` tokens fit the context? */
export async function fits(model: ChatModel, p: RenderedPrompt, output: number): Promise<boolean> {
  return (await promptTokens(model, p)) + output <= model.contextSize;
}

/**
 * Shortens text to at most `max` tokens (cutting at the end), for answers
 * that re-tokenise longer than they were generated.
 */
export async function fitTokens(model: ChatModel, text: string, max: number): Promise<string> {
  return (await cutToFit(text, max, (t) => model.countTokens(t))).text;
}

/** Cuts text at the end until `count(text)` ≤ max; returns the text with its count. */
export async function cutToFit(text: string, max: number, count: (text: string) => Promise<number>): Promise<{ text: string; tokens: number }> {
  let t = text;
  let n = await count(t);
  while (n > max && t.length > 0) {
    t = t.slice(0, Math.max(0, Math.min(t.length - 1, Math.floor((t.length * max) / n) - 1)));
    n = await count(t);
  }
  return { text: t, tokens: n };
}
