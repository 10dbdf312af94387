import type { Command } from "commander";

/** `govdesk models …` and `govdesk chat` (issue: model runtime). */
export function registerModelCommands(_program: Command): void {}
