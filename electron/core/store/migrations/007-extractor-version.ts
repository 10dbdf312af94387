import type { Migration } from "../migrations";

/**
 * Faithful extraction (issue 16): which extractor version made each stored
 * content (older ones are re-extracted in the background), whether its text
 * has fixed pages, each page's printed label, and per chunk where each
 * page's part begins and which paragraphs it covers (page-true citations).
 */
export const m007: Migration = {
  version: 7,
  name: "extractor version, page labels, chunk page parts",
  sql: `
    ALTER TABLE kb_contents ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE kb_contents ADD COLUMN paged INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE kb_pages ADD COLUMN label TEXT;
    ALTER TABLE kb_chunks ADD COLUMN page_starts TEXT;
    ALTER TABLE kb_chunks ADD COLUMN paragraphs TEXT;
    CREATE INDEX kb_contents_extractor ON kb_contents(extractor_version);
  `,
};
