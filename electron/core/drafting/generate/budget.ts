import { RpcError } from "../../../common/rpc/wire";
import { promptTokens } from "../../assistant/budget";
import type { RenderedPrompt } from "../../assistant/prompts";
import type { ChatModel } from "../../llm/chat-model";
import { worstTokens, type Limits } from "./schema";

/**
 * Token budgets for grammar-constrained drafting: a prompt that fits, and
 * output limits (string lengths, counts) whose worst case fits what is left,
 * so the JSON always closes before maxTokens.
 */

/** Worst-case tokens per generated character for this model (an escaped character can be six bytes). */
export async function tokensPerChar(model: ChatModel): Promise<number> {
  const sample = "关于进一步加强和规范办公用品采购管理工作的通知";
  const perChar = (await model.countTokens(sample)) / sample.length;
  return Math.max(2, Math.ceil(perChar * 2));
}

/** Below this context a model gets the compact prompts (a few words). */
export const COMPACT_CONTEXT = 1536;

/** The largest limits (from `want` down) whose worst case fits `room` tokens; null when nothing useful fits. */
export function fitLimits(want: Limits, room: number, perChar: number, kind: "outline" | "section"): Limits | null {
  const l = { ...want };
  const fits = () => worstTokens(l, perChar, kind) <= room;
  while (!fits()) {
    if (l.paragraph > 40) l.paragraph = Math.floor(l.paragraph * 0.8);
    else if (l.paragraphs > 1) l.paragraphs--;
    else if (l.sections > 2) l.sections--;
    else if (l.line > 12) l.line = Math.floor(l.line * 0.8);
    else if (l.paragraph > 4) l.paragraph = Math.floor(l.paragraph * 0.7);
    else if (l.line > 2) l.line--;
    else if (l.sections > 1) l.sections--;
    else return null;
  }
  return l;
}

/** Room left for the answer once the prompt is in (a small margin kept). */
export async function roomFor(model: ChatModel, prompt: RenderedPrompt): Promise<number> {
  return model.contextSize - (await promptTokens(model, prompt)) - 8;
}

export function tooSmall(): RpcError {
  return new RpcError("INVALID_INPUT", "模型的上下文太小，放不下起草所需的提示和输出。请换用上下文更大的模型，或减少要点和依据资料。");
}
