import type { Command } from "commander";

/** `govdesk summarize`, `govdesk ask` (issue: the assistant). */
export function registerAssistantCommands(_program: Command): void {}
