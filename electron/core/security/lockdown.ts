import type { MethodDef } from "../../common/rpc/define";
import type { CoreServices } from "../services";

/**
 * While the admin policy is invalid the app is locked down: every call is
 * refused with the policy's own message (the file and its problems) except
 * those whose contract entry says `whenLocked: "allow"` (reading state, the
 * admin's tools). Runs in the core's router guard, for every caller.
 */
export function refuseWhenLocked(s: Pick<CoreServices, "policy">, def: MethodDef): void {
  if (def.rules.whenLocked !== "allow") s.policy.require();
}
