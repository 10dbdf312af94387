import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { knowledgeEvents, knowledgeMethods } from "../../common/contracts/knowledge";
import type { CoreServices } from "../services";

type KnowledgeContract = ContractDef<typeof knowledgeMethods, typeof knowledgeEvents>;

/** Handlers for the knowledge-base calls of the contract. */
export function knowledgeHandlers(_s: CoreServices): Handlers<KnowledgeContract> {
  return {};
}
