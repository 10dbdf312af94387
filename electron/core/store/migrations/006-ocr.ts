import type { Migration } from "../migrations";

/**
 * OCR (issue 17): where each page's text came from, its confidence and the
 * OCR lines with their boxes (JSON, for highlighting a citation on the page
 * image); per content how many pages OCR read, their mean confidence and the
 * OCR choice it was made with; per document the user's OCR choice.
 */
export const m006: Migration = {
  version: 6,
  name: "ocr",
  sql: `
    ALTER TABLE kb_pages ADD COLUMN source TEXT NOT NULL DEFAULT 'text' CHECK (source IN ('text','ocr'));
    ALTER TABLE kb_pages ADD COLUMN confidence REAL;
    ALTER TABLE kb_pages ADD COLUMN ocr TEXT;
    ALTER TABLE kb_contents ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE kb_contents ADD COLUMN ocr_confidence REAL;
    ALTER TABLE kb_contents ADD COLUMN ocr_mode TEXT NOT NULL DEFAULT 'auto';
    ALTER TABLE kb_documents ADD COLUMN ocr_mode TEXT NOT NULL DEFAULT 'auto' CHECK (ocr_mode IN ('auto','force','off'));
  `,
};
