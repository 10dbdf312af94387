import type { ChatMessage } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import type { SaveMode } from "../store/messages-repo";

export interface TurnInput {
  question: string;
  regenerate: boolean;
  editOf?: number | undefined;
}

export interface Turn {
  /** The question to answer now. */
  question: string;
  /** What came before it (questions and their shown answers), oldest first. */
  history: ChatMessage[];
  mode: SaveMode;
}

/**
 * Which question a request answers and what history it builds on: a new
 * question after the whole thread; a regeneration answers the last question
 * again from what came before it; an edit replaces a question (and all after
 * it) with the new text.
 */
export function turnOf(thread: readonly ChatMessage[], input: TurnInput, existing: boolean): Turn {
  if (input.regenerate) {
    if (!existing) throw new RpcError("INVALID_INPUT", "只能在已有对话中重新生成回答。");
    const at = thread.findLastIndex((m) => m.role === "user");
    if (at < 0) throw new RpcError("INVALID_INPUT", "这个对话还没有可以重新生成的回答。");
    return { question: thread[at]!.content, history: thread.slice(0, at), mode: { kind: "regenerate" } };
  }
  if (input.editOf !== undefined) {
    if (!existing) throw new RpcError("INVALID_INPUT", "只能修改已有对话中的提问。");
    const at = thread.findIndex((m) => m.id === input.editOf);
    if (at < 0 || thread[at]!.role !== "user") throw new RpcError("NOT_FOUND", "要修改的提问已不在这个对话中，可能已被删除。");
    return { question: input.question, history: thread.slice(0, at), mode: { kind: "edit", of: input.editOf } };
  }
  return { question: input.question, history: [...thread], mode: { kind: "new" } };
}
