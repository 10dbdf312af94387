import type { EventMap, MethodMap } from "../rpc/define";

/**
 * Admin policy, audit log, redaction, knowledge packs (issue: IT rollout and security).
 * Spread into the one contract in ../contract.ts.
 */
export const securityMethods = {} satisfies MethodMap;
export const securityEvents = {} satisfies EventMap;
