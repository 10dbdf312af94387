import type { EventMap, MethodMap } from "../rpc/define";

/**
 * 对话与摘要: conversations, RAG answers, summaries, exports (issue: the assistant).
 * Spread into the one contract in ../contract.ts.
 */
export const assistantMethods = {} satisfies MethodMap;
export const assistantEvents = {} satisfies EventMap;
