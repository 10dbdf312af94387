import type { Migration } from "../migrations";

export const m001: Migration = {
  version: 1,
  name: "settings and migration history",
  sql: `
    CREATE TABLE schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    );
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    );
  `,
};
