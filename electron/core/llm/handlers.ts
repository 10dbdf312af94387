import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { modelMethods, modelEvents } from "../../common/contracts/models";
import type { CoreServices } from "../services";

type ModelContract = ContractDef<typeof modelMethods, typeof modelEvents>;

/** Handlers for the model calls of the contract. */
export function modelHandlers(_s: CoreServices): Handlers<ModelContract> {
  return {};
}
