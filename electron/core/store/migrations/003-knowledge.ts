import type { Migration } from "../migrations";

/** Knowledge bases, documents, chunks, FTS and vectors (issue: knowledge base). Not shipped yet. */
export const m003: Migration = {
  version: 3,
  name: "knowledge bases",
  sql: ``,
};
