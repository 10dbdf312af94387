/** One hit of the hybrid (FTS5 + sqlite-vec, RRF-merged) search. */
export interface SearchHit {
  chunkId: number;
  documentId: number;
  path: string;
  title: string;
  /** First page of the chunk (1-based). */
  page: number;
  pages: number[];
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
