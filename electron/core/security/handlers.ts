import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { securityEvents, securityMethods } from "../../common/contracts/security";
import type { CoreServices } from "../services";

type SecurityContract = ContractDef<typeof securityMethods, typeof securityEvents>;

/** Handlers for policy, audit and redaction calls of the contract. */
export function securityHandlers(_s: CoreServices): Handlers<SecurityContract> {
  return {};
}
