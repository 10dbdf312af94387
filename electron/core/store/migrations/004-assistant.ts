import type { Migration } from "../migrations";

/** Conversations, messages, summaries (issue: the assistant). Not shipped yet. */
export const m004: Migration = {
  version: 4,
  name: "conversations",
  sql: ``,
};
