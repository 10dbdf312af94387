/** One hit of the hybrid (FTS5 + sqlite-vec, RRF-merged) search. */
export interface SearchHit {
  chunkId: number;
  documentId: number;
  path: string;
  title: string;
  /** The page of the best match in the chunk (1-based); the chunk's first page when nothing matched. */
  page: number;
  pages: number[];
  /** False: the document has no fixed pages (cite `paragraphs`). */
  paged: boolean;
  paragraphs?: [number, number];
  /** The paragraph number the chunk's text starts with (0: not recorded). */
  chunkParagraph: number;
  /** Where each page's part of the chunk text starts (for citing a passage inside it). */
  pageStarts: { offset: number; page: number }[];
  headingPath: string[];
  /** Highlighted excerpt for display (plain text with 【】 around matches, no HTML). */
  snippet: string;
  /** The chunk's full text (for prompts). */
  text: string;
  score: number;
}

export interface SearchFilters {
  format?: string[];
  issuer?: string;
  docNumber?: string;
  dateFrom?: string;
  dateTo?: string;
}

export interface SearchOptions {
  k: number;
  filters?: SearchFilters;
}
