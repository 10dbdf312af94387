import type { Migration } from "../migrations";

/** Imported models (issue: model runtime). Not shipped yet: may still change in this session. */
export const m002: Migration = {
  version: 2,
  name: "models",
  sql: `
CREATE TABLE models (
  id TEXT PRIMARY KEY,            -- sha256 of the file
  path TEXT NOT NULL,             -- where it is loaded from (data dir models/ or in place)
  in_place INTEGER NOT NULL,      -- 1 = registered where it lies, not copied
  summary TEXT NOT NULL,          -- GgufSummary as JSON (architecture, size, quantization …)
  catalog_id TEXT,
  imported_at TEXT NOT NULL
);
`,
};
