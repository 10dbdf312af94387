import { RpcError } from "../../common/rpc/wire";
import type { CoreServices } from "../services";
import type { Embedder } from "../llm/embedder";
import type { Db } from "../store/open-store";
import { findBase } from "../ingest/kb-repo";
import { keywordSearch, type RankedChunk } from "./keyword";
import { pageAt, paragraphsOfSpan } from "../ingest/chunk";
import { highlightTerms, makeSnippet, matchOffset } from "./snippet";
import type { SearchHit, SearchOptions } from "./types";
import { startVectorSearch } from "./vector";

/** Reciprocal rank fusion: score = Σ 1 / (K + rank) over the lists a chunk appears in. */
export function rrf(lists: RankedChunk[][], K = 60): { chunkId: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) for (const r of list) scores.set(r.chunkId, (scores.get(r.chunkId) ?? 0) + 1 / (K + r.rank));
  return [...scores].map(([chunkId, score]) => ({ chunkId, score })).sort((a, b) => b.score - a.score);
}

interface HitRow {
  chunkId: number;
  documentId: number;
  path: string;
  title: string;
  text: string;
  pages: string;
  headingPath: string;
  pageStarts: string | null;
  paragraphs: string | null;
  paged: number;
}

function loadHit(db: Db, kbId: number, chunkId: number): HitRow | undefined {
  return db
    .prepare(
      `SELECT c.id AS chunkId, d.id AS documentId, d.path, ct.title, c.text, c.pages, c.heading_path AS headingPath,
              c.page_starts AS pageStarts, c.paragraphs, ct.paged
       FROM kb_chunks c JOIN kb_contents ct ON ct.id = c.content_id
       JOIN kb_documents d ON d.content_id = c.content_id AND d.kb_id = ?
       WHERE c.id = ? ORDER BY d.id LIMIT 1`,
    )
    .get(kbId, chunkId) as HitRow | undefined;
}

/**
 * The search itself, synchronous over the database: keyword ranking, plus
 * vector ranking when a query vector is given, merged by RRF, then the hits
 * loaded with their snippets. (The benchmark calls this directly.)
 */
export function hybridSearch(db: Db, kbId: number, query: string, vector: Float32Array | null, opts: SearchOptions): SearchHit[] {
  const k = Math.max(1, Math.min(opts.k, 200));
  const pool = Math.max(k * 3, 30);
  // The bit scan of a large index runs on the scan thread while the keywords are ranked here.
  const vectorHits = vector ? startVectorSearch(db, kbId, vector, pool, opts.filters) : null;
  const kw = keywordSearch(db, kbId, query, pool, opts.filters);
  const lists = [kw.hits];
  if (vectorHits) lists.push(vectorHits());
  const terms = highlightTerms(query, kw.highlights);
  const hits: SearchHit[] = [];
  for (const m of rrf(lists).slice(0, k)) {
    const row = loadHit(db, kbId, m.chunkId);
    if (!row) continue;
    const pages = JSON.parse(row.pages) as number[];
    const starts = row.pageStarts ? (JSON.parse(row.pageStarts) as { offset: number; page: number }[]) : [];
    // The hit opens where its best match is, not where the chunk starts.
    const at = matchOffset(row.text, terms);
    const paragraphs = row.paragraphs ? (JSON.parse(row.paragraphs) as [number, number]) : null;
    hits.push({
      chunkId: row.chunkId,
      documentId: row.documentId,
      path: row.path,
      title: row.title,
      page: at !== null && starts.length ? pageAt(starts, at, pages[0] ?? 1) : (pages[0] ?? 1),
      pages,
      paged: row.paged !== 0,
      // Flowing text is located by the paragraph of its best match (else the chunk's paragraphs).
      ...(paragraphs && paragraphs[0] ? { paragraphs: at !== null ? paragraphsOfSpan(row.text, paragraphs[0], at, at + 1) : paragraphs } : {}),
      chunkParagraph: paragraphs?.[0] ?? 0,
      pageStarts: starts,
      headingPath: JSON.parse(row.headingPath) as string[],
      snippet: makeSnippet(row.text, terms),
      text: row.text,
      score: m.score,
    });
  }
  return hits;
}

/**
 * Hybrid search of one knowledge base: FTS5 keyword ranking, plus vector
 * ranking when an embedding model is set and the base's vectors were made
 * by it, merged by RRF. The assistant's RAG calls this.
 */
export async function searchKnowledgeBase(s: CoreServices, kbName: string, query: string, opts: SearchOptions & { embedder?: Embedder | null }): Promise<SearchHit[]> {
  const base = findBase(s.store.db, kbName);
  if (!base) throw new RpcError("NOT_FOUND", `找不到知识库“${kbName}”。请先用 govdesk kb create 创建，或检查名称。`);
  // The caller's embedder when it has one (asked for once per search or question), else the configured one.
  const embedder = !query.trim() ? null : opts.embedder !== undefined ? opts.embedder : await s.embedder();
  let vector: Float32Array | null = null;
  if (embedder && base.embedModel === embedder.modelId && !base.needsReembed) vector = (await embedder.embed([query]))[0] ?? null;
  return hybridSearch(s.store.db, base.id, query, vector, opts);
}
