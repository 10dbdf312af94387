import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { assistantEvents, assistantMethods } from "../../common/contracts/assistant";
import type { CoreServices } from "../services";

type AssistantContract = ContractDef<typeof assistantMethods, typeof assistantEvents>;

/** Handlers for the assistant calls of the contract (conversations, ask, summarise). */
export function assistantHandlers(_s: CoreServices): Handlers<AssistantContract> {
  return {};
}
