import type { Migration } from "../migrations";

/**
 * Conversations, their messages (answers with citations as JSON) and saved
 * summaries (issue: the assistant). A question and its answer are written in
 * one transaction when the answer is complete, so a cancelled answer leaves
 * nothing behind.
 */
export const m004: Migration = {
  version: 4,
  name: "conversations",
  sql: `
CREATE TABLE assistant_conversations (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  kb TEXT,
  model_path TEXT,
  model_name TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX assistant_conversations_updated ON assistant_conversations(updated_at DESC);
CREATE TABLE assistant_messages (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES assistant_conversations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content TEXT NOT NULL,
  thought TEXT NOT NULL DEFAULT '',
  citations TEXT NOT NULL DEFAULT '[]',
  method TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX assistant_messages_conversation ON assistant_messages(conversation_id, id);
CREATE TABLE assistant_summaries (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  method TEXT NOT NULL,
  length TEXT NOT NULL,
  summary TEXT NOT NULL,
  thought TEXT NOT NULL DEFAULT '',
  points TEXT NOT NULL,
  documents TEXT NOT NULL,
  stats TEXT NOT NULL,
  model TEXT,
  prompts TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);
`,
};
