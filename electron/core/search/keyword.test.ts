import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBase } from "../ingest/kb-repo";
import { openStore, type Store } from "../store/open-store";
import { tempDir } from "../testing/temp-dir";
import { keywordSearch, type KeywordTuning } from "./keyword";
import { segmentForIndex, segmentQuery } from "./segment";
import { PROBE, readVarint, termFrequencies } from "./term-stats";

let store: Store;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = openStore(t.dir);
});
afterEach(() => {
  store.close();
  cleanup();
});

let docs = 0;
/** One ready document of the base holding these chunks, indexed as ingestion indexes them; returns their ids. */
function addDocument(base: string, texts: string[], format = "pdf"): number[] {
  const db = store.db;
  const kb = (db.prepare("SELECT id FROM kb_bases WHERE name = ?").get(base) as { id: number } | undefined)?.id ?? createBase(db, base).id;
  return db.transaction(() => {
    const sha = `doc-${++docs}`;
    const content = Number(db.prepare("INSERT INTO kb_contents(sha256, format, title, page_count, chunk_count) VALUES (?, ?, '', 1, ?)").run(sha, format, texts.length).lastInsertRowid);
    db.prepare("INSERT INTO kb_documents(kb_id, path, size, mtime, sha256, content_id, status, indexed_at) VALUES (?, ?, 1, 1, ?, ?, 'ready', 1)").run(kb, `/d/${sha}.${format}`, sha, content);
    return texts.map((text, i) => {
      const id = Number(db.prepare("INSERT INTO kb_chunks(content_id, seq, text, pages, heading_path, tokens) VALUES (?, ?, ?, '[1]', '[]', 1)").run(content, i, text).lastInsertRowid);
      db.prepare("INSERT INTO kb_fts(rowid, body) VALUES (?, ?)").run(id, segmentForIndex(text));
      return id;
    });
  })();
}

const kbId = (name: string): number => (store.db.prepare("SELECT id FROM kb_bases WHERE name = ?").get(name) as { id: number }).id;
const ids = (base: string, query: string, k: number, tuning?: KeywordTuning, format?: string[]): number[] =>
  keywordSearch(store.db, kbId(base), query, k, format ? { format } : undefined, tuning).hits.map((h) => h.chunkId);
/** Always the windowed ranking, over the newest `window` matches. */
const windowed = (window: number): KeywordTuning => ({ exactLimit: { counted: 0, scored: 0 }, window: () => window });
const filler = (n: number): string => "的".repeat(n);

describe("keyword ranking", () => {
  it("ranks common terms within the window as FTS5's own BM25 ranks all matches, when the window holds them all", () => {
    const texts: string[] = [];
    // 35 chunks, each a different pair of how often 档案 occurs and how long the chunk is, in an order unrelated to either.
    for (let i = 0; i < 35; i++) texts.push(`${"档案，".repeat(1 + ((i * 7) % 5))}${filler(20 + ((i * 13) % 7) * 30)}。`);
    for (let i = 0; i < 40; i++) texts.push(`会议${filler(40)}`);
    addDocument("kb", texts);
    const exact = ids("kb", "档案", 10);
    const window = ids("kb", "档案", 10, windowed(1000));
    expect(exact).toHaveLength(10);
    expect(new Set(window)).toEqual(new Set(exact));
    expect(window.slice(0, 2)).toEqual(exact.slice(0, 2));
    // Lengths are counted in bytes rather than FTS tokens, so near-ties may swap with a neighbour, no more.
    for (const [i, id] of window.entries()) expect(Math.abs(exact.indexOf(id) - i)).toBeLessThanOrEqual(1);
  });

  it("weighs a rare term above a common one (OR, when no chunk has both)", () => {
    const [rare] = addDocument("kb", [`稀有${filler(30)}`]);
    const common = addDocument("kb", Array.from({ length: 200 }, (_, i) => `常见${filler(30 + (i % 5))}`));
    const [newestCommon] = addDocument("kb", [`常见常见常见${filler(10)}`]);
    const hits = ids("kb", "稀有，常见", 5, windowed(1000));
    expect(hits[0]).toBe(rare);
    expect(hits[1]).toBe(newestCommon);
    expect(common).toContain(hits[2]);
  });

  it("ranks only the newest matches when a term is common, and still finds a small base's older matches", () => {
    const old = addDocument("small", Array.from({ length: 30 }, (_, i) => `工作${filler(i)}`));
    const newer = addDocument("large", Array.from({ length: 400 }, (_, i) => `工作${filler(i % 9)}`));
    // The whole index's newest 100 matches are all in the large base: the small base is ranked inside itself.
    const small = ids("small", "工作", 10, windowed(100));
    expect(small).toHaveLength(10);
    for (const id of small) expect(old).toContain(id);
    const large = ids("large", "工作", 10, windowed(100));
    for (const id of large) expect(newer.slice(-100)).toContain(id);
  });

  it("applies filters inside the window when the best rows do not pass them", () => {
    const docx = addDocument("kb", Array.from({ length: 20 }, () => `规定${filler(5)}`), "docx");
    addDocument("kb", Array.from({ length: 300 }, () => `规定${filler(5)}`), "pdf");
    const hits = ids("kb", "规定", 10, windowed(50), ["docx"]);
    expect(hits).toHaveLength(10);
    for (const id of hits) expect(docx).toContain(id);
  });

  it("finds nothing for an AND of terms one of which no chunk holds, and falls back to any term", () => {
    addDocument("kb", ["档案管理", "会议纪要"]);
    expect(ids("kb", "档案，没有", 5)).toHaveLength(1);
    expect(segmentQuery("档案，没有").terms).toEqual(["档案", "没有"]);
  });
});

describe("term frequencies", () => {
  it("are exact up to PROBE matches and estimated within a few per cent beyond", () => {
    const texts = Array.from({ length: 3 * PROBE }, (_, i) => (i % 2 ? `工作${i}` : `会议${i}`));
    addDocument("kb", texts);
    addDocument("kb", ["档案", "档案"]);
    const { stats, df } = termFrequencies(store.db, ["档案", "工作", "没有"]);
    expect(stats.rows).toBe(3 * PROBE + 2);
    expect(df[0]).toBe(2);
    expect(df[2]).toBe(0);
    expect(Math.abs(df[1]! - 1.5 * PROBE)).toBeLessThan(0.05 * 1.5 * PROBE);
  });

  it("follow new chunks (the cache is dropped when the index changes)", () => {
    addDocument("kb", ["会议"]);
    expect(termFrequencies(store.db, ["新词"]).df).toEqual([0]);
    addDocument("kb", ["新词出现"]);
    expect(termFrequencies(store.db, ["新词"]).df).toEqual([1]);
    expect(ids("kb", "新词", 5)).toHaveLength(1);
  });

  it("read SQLite varints", () => {
    expect(readVarint(Uint8Array.from([0x7f]), 0)).toEqual({ value: 127, next: 1 });
    expect(readVarint(Uint8Array.from([0x81, 0x00]), 0)).toEqual({ value: 128, next: 2 });
    expect(readVarint(Uint8Array.from([0x00, 0x83, 0xe8, 0x00]), 1).value).toBe(3 * 128 * 128 + 0x68 * 128);
    expect(() => readVarint(Uint8Array.from([0x81]), 0)).toThrow(/truncated/);
  });
});
