import type { Migration } from "../migrations";

/**
 * 公文 drafts (issue 12): the form's fields as JSON, the 依据 citations a
 * model draft relies on, and a plain-text column for searching the history.
 */
export const m009: Migration = {
  version: 9,
  name: "drafts",
  sql: `
CREATE TABLE drafting_drafts (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  spec TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  citations TEXT NOT NULL DEFAULT '[]',
  method TEXT NOT NULL CHECK (method IN ('manual', 'llm')),
  model TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX drafting_drafts_updated ON drafting_drafts(updated_at DESC);
`,
};
