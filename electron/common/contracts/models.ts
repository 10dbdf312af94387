import type { EventMap, MethodMap } from "../rpc/define";

/**
 * Model runtime and model manager calls (issue: local model runtime).
 * Spread into the one contract in ../contract.ts.
 */
export const modelMethods = {} satisfies MethodMap;
export const modelEvents = {} satisfies EventMap;
