import type { Migration } from "../migrations";

/**
 * The desk (issue 13): a conversation's own system prompt, temperature and
 * pin; answers know their question (regenerating adds a version instead of
 * replacing the answer), which version is shown, and how fast it was written.
 */
export const m010: Migration = {
  version: 10,
  name: "desk",
  sql: `
ALTER TABLE assistant_conversations ADD COLUMN system_prompt TEXT;
ALTER TABLE assistant_conversations ADD COLUMN temperature REAL;
ALTER TABLE assistant_conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assistant_messages ADD COLUMN reply_to INTEGER REFERENCES assistant_messages(id) ON DELETE CASCADE;
ALTER TABLE assistant_messages ADD COLUMN selected INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assistant_messages ADD COLUMN speed REAL;
UPDATE assistant_messages SET reply_to = (
  SELECT MAX(q.id) FROM assistant_messages q
  WHERE q.conversation_id = assistant_messages.conversation_id AND q.role = 'user' AND q.id < assistant_messages.id
) WHERE role = 'assistant';
CREATE INDEX assistant_messages_reply ON assistant_messages(reply_to);
`,
};
