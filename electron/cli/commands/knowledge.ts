import type { Command } from "commander";

/** `govdesk extract`, `govdesk kb …`, `govdesk search` (issue: knowledge base). */
export function registerKnowledgeCommands(_program: Command): void {}
