import type { Command } from "commander";
import { registerAuditCommands } from "./security/audit";
import { registerPolicyCommands } from "./security/policy";

/** `govdesk audit …`, `govdesk policy …` (issue: IT rollout and security). Knowledge packs: not yet. */
export function registerSecurityCommands(program: Command): void {
  registerAuditCommands(program);
  registerPolicyCommands(program);
}
