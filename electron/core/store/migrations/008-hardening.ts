import type { Migration } from "../migrations";

/**
 * Hardening (issue 14). Where a document and a watched folder really are
 * (symlinks resolved when they were added), so that a link retargeted
 * later is not trusted as the place it used to be; and the audit log's
 * anchor: its newest entry and its first kept entry, so that cutting the
 * log at either end or deleting it shows in `audit verify`.
 */
export const m008: Migration = {
  version: 8,
  name: "real paths and the audit anchor",
  sql: `
    ALTER TABLE kb_documents ADD COLUMN real_path TEXT;
    CREATE INDEX kb_documents_real_path ON kb_documents(real_path);
    CREATE INDEX kb_documents_path ON kb_documents(path);
    ALTER TABLE kb_bases ADD COLUMN watch_real_path TEXT;
    CREATE TABLE audit_anchor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      head_seq INTEGER NOT NULL,
      head_hash TEXT NOT NULL,
      floor_seq INTEGER NOT NULL,
      floor_prev TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
  `,
};
