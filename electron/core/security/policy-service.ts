import type { Policy } from "../../common/contracts/policy";
import { RpcError } from "../../common/rpc/wire";
import { loadPolicy, type PolicyLoad } from "./policy/load-policy";

/** The admin policy as the core holds it: read once when the core starts. */
export interface PolicyService {
  /** What was read (GOVDESK_POLICY or the platform's path, plus Group Policy): the policy, or why it is invalid. */
  readonly load: PolicyLoad;
  /** The policy in force; throws the lock-down error when the policy is invalid. */
  require(): Policy;
}

export function createPolicyService(load: PolicyLoad = loadPolicy()): PolicyService {
  return {
    load,
    require() {
      if (!load.ok) throw new RpcError("UNAVAILABLE", load.error, load.issues.join("\n"));
      return load.policy;
    },
  };
}
