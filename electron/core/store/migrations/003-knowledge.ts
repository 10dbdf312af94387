import type { Migration } from "../migrations";

/**
 * Knowledge bases (issue: knowledge base). Identical files are stored once:
 * `contents` is keyed by sha256 and owns pages, chunks and vectors; a
 * `documents` row is one path in one base pointing at its content. FTS5 is
 * contentless over text pre-segmented for Chinese (rowid = chunk id).
 * Vector tables are created per dimension at runtime (kb_vec_<dim>), since
 * vec0 needs the dimension up front.
 */
export const m003: Migration = {
  version: 3,
  name: "knowledge bases",
  sql: `
CREATE TABLE kb_bases (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  embed_model TEXT,
  needs_reembed INTEGER NOT NULL DEFAULT 0,
  watch_path TEXT
);
CREATE TABLE kb_contents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  title TEXT NOT NULL,
  meta TEXT NOT NULL DEFAULT '{}',
  warnings TEXT NOT NULL DEFAULT '[]',
  page_count INTEGER NOT NULL,
  chunk_count INTEGER NOT NULL,
  needs_ocr INTEGER NOT NULL DEFAULT 0,
  issuer TEXT,
  doc_number TEXT,
  doc_date TEXT,
  embed_model TEXT
);
CREATE TABLE kb_pages (
  content_id INTEGER NOT NULL REFERENCES kb_contents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  text TEXT NOT NULL,
  needs_ocr INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (content_id, page)
) WITHOUT ROWID;
CREATE TABLE kb_chunks (
  id INTEGER PRIMARY KEY,
  content_id INTEGER NOT NULL REFERENCES kb_contents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  text TEXT NOT NULL,
  pages TEXT NOT NULL,
  heading_path TEXT NOT NULL,
  tokens INTEGER NOT NULL
);
CREATE INDEX kb_chunks_content ON kb_chunks(content_id, seq);
CREATE TABLE kb_documents (
  id INTEGER PRIMARY KEY,
  kb_id INTEGER NOT NULL REFERENCES kb_bases(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  size INTEGER,
  mtime INTEGER,
  sha256 TEXT,
  content_id INTEGER REFERENCES kb_contents(id),
  status TEXT NOT NULL CHECK (status IN ('queued','indexing','ready','failed','needs_ocr')),
  error TEXT,
  indexed_at INTEGER,
  UNIQUE (kb_id, path)
);
CREATE INDEX kb_documents_content ON kb_documents(content_id);
CREATE INDEX kb_documents_status ON kb_documents(kb_id, status);
CREATE VIRTUAL TABLE kb_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
`,
};
