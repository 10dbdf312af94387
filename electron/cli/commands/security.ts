import type { Command } from "commander";

/** `govdesk audit …`, `govdesk policy …`, `govdesk kb export|import` (issue: IT rollout and security). */
export function registerSecurityCommands(_program: Command): void {}
