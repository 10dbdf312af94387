import type { Command } from "commander";
import { registerAuditCommands } from "./security/audit";
import { registerPolicyCommands } from "./security/policy";
import { registerPackCommands } from "./security/packs";

/** `govdesk audit …`, `govdesk policy …`, `govdesk kb export|import` (issue: IT rollout and security). */
export function registerSecurityCommands(program: Command): void {
  registerAuditCommands(program);
  registerPolicyCommands(program);
  registerPackCommands(program);
}
