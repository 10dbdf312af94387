import type { EventMap, MethodMap } from "../rpc/define";

/**
 * Knowledge base calls: bases, documents, ingestion jobs, extraction and
 * hybrid search (issue: knowledge base). Spread into ../contract.ts.
 */
export const knowledgeMethods = {} satisfies MethodMap;
export const knowledgeEvents = {} satisfies EventMap;
