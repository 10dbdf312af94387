import type { Migration } from "../migrations";

/** Knowledge bases installed from a knowledge pack are read-only and remember the pack. */
export const m005: Migration = {
  version: 5,
  name: "knowledge packs",
  sql: `
    ALTER TABLE kb_bases ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE kb_bases ADD COLUMN pack_id TEXT;
    CREATE UNIQUE INDEX kb_bases_pack ON kb_bases(pack_id) WHERE pack_id IS NOT NULL;
  `,
};
