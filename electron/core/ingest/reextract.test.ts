import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import type { Db } from "../store/open-store";
import { chunkPages } from "./chunk";
import { EXTRACTOR_VERSION } from "./extract";
import { replaceContent } from "./index-writer";
import { CHUNK_OPTIONS } from "./prepare";
import { reextractStale, staleContents } from "./reextract";
import { writeDoc } from "./testing/doc-writer";
import { kbContract, kbCore } from "./testing/kb-core";

let dir: string;
let cleanup: () => void;
let kb: ReturnType<typeof kbCore>;
let db: Db;

const DOCS: Record<string, string> = {
  "采购.doc": "各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案。",
  "盘点.doc": "各单位每季度末对办公用品进行盘点，建立台账，做到账实相符。",
  "检查.doc": "市财政局会同市审计局对执行情况进行抽查，发现问题限期整改。",
};

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  for (const [name, text] of Object.entries(DOCS)) await writeDoc(join(dir, name), { blocks: [{ para: "一、工作要求" }, { para: text }] });
  kb = kbCore(join(dir, "data"));
  db = kb.core.store.db;
  await kb.client.call("kb.create", { name: "制度" });
  await runJob(kbContract, kb.client, "kb.add", { name: "制度", paths: Object.keys(DOCS).map((f) => join(dir, f)) });
  makeOld();
}, 60_000);
afterEach(async () => {
  kb.client.close();
  await kb.core.close();
  cleanup();
});

/** Turns every stored content into what an older extractor made: other text ("旧版解析"), version 1. */
function makeOld(): void {
  for (const { id } of db.prepare("SELECT id FROM kb_contents").all() as { id: number }[]) {
    const pages = [{ page: 1, text: "旧版解析的乱码文字" }];
    replaceContent(db, id, { doc: { format: "doc", title: "旧标题", pages, meta: {}, warnings: [], paged: true }, chunks: chunkPages(pages, CHUNK_OPTIONS) });
  }
  db.prepare("UPDATE kb_contents SET extractor_version = 1").run();
}

const ids = (): string => JSON.stringify(db.prepare("SELECT d.id, d.content_id FROM kb_documents d ORDER BY d.id").all());
const search = async (q: string): Promise<string[]> => (await kb.client.call("kb.search", { name: "制度", query: q, k: 5 })).hits.map((h) => h.path);

describe("re-extraction after an extractor update", () => {
  it("re-reads every document made by an older extractor in place: same ids, new text searchable, old text gone", async () => {
    const before = ids();
    expect(await search("乱码")).toHaveLength(3);
    const progress: number[] = [];
    const r = await reextractStale(db, { onProgress: (p) => progress.push(p.done) });
    expect(r).toMatchObject({ reextracted: 3, requeued: 0, missing: 0, failed: [], total: 3, cancelled: false });
    expect(progress.at(-1)).toBe(3);
    expect(ids()).toBe(before);
    expect(staleContents(db)).toEqual([]);
    expect(db.prepare("SELECT DISTINCT extractor_version AS v FROM kb_contents").all()).toEqual([{ v: EXTRACTOR_VERSION }]);
    expect(await search("乱码")).toEqual([]);
    expect(await search("盘点")).toEqual([join(dir, "盘点.doc")]);
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM kb_fts")).toBe(n("SELECT count(*) AS n FROM kb_chunks"));
    expect((await kb.client.call("kb.documents", { name: "制度" })).documents.every((d) => d.status === "ready" && d.title !== "旧标题")).toBe(true);
  });

  it("is resumable: cancelled after the first document, it goes on with the rest next time", async () => {
    const abort = new AbortController();
    const first = await reextractStale(db, { signal: abort.signal, onProgress: (p) => p.done >= 1 && abort.abort() });
    expect(first.cancelled).toBe(true);
    expect(first.reextracted).toBe(1);
    expect(staleContents(db)).toHaveLength(2);
    const rest = await reextractStale(db);
    expect(rest).toMatchObject({ reextracted: 2, total: 2 });
    expect(staleContents(db)).toEqual([]);
  });

  it("a file changed since indexing is queued for the ordinary pipeline; a file that is gone keeps its old text", async () => {
    await writeFile(join(dir, "采购.doc"), Buffer.from("changed"));
    await rm(join(dir, "检查.doc"));
    const r = await reextractStale(db);
    expect(r).toMatchObject({ reextracted: 1, requeued: 1, missing: 1 });
    const status = Object.fromEntries((db.prepare("SELECT path, status FROM kb_documents").all() as { path: string; status: string }[]).map((x) => [x.path.slice(dir.length + 1), x.status]));
    expect(status).toEqual({ "采购.doc": "queued", "盘点.doc": "ready", "检查.doc": "ready" });
  });

  it("kb.reextract is a job with progress; re-adding an unchanged stale file re-extracts it too", async () => {
    const stages: string[] = [];
    const r = await runJob(kbContract, kb.client, "kb.reextract", {}, { onProgress: (p) => stages.push(p.stage) });
    expect(r.reextracted).toBe(3);
    expect(stages).toContain("reextract");
    makeOld();
    const add = await runJob(kbContract, kb.client, "kb.add", { name: "制度", paths: [join(dir, "盘点.doc")] });
    expect(add.ok).toBe(1);
    expect(await search("盘点")).toEqual([join(dir, "盘点.doc")]);
  });
});

describe("re-extraction in the background of a long-running host", () => {
  it("starts by itself as a job (listed, with progress) when the app starts on an index made by an older extractor", async () => {
    kb.client.close();
    await kb.core.close();
    kb = kbCore(join(dir, "data"), null, "serve");
    db = kb.core.store.db;
    const jobs = (): { method: string; state: string }[] => kb.services().jobs.list();
    for (let i = 0; i < 200 && !jobs().some((j) => j.method === "kb.reextract" && j.state === "done"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(jobs().find((j) => j.method === "kb.reextract")?.state).toBe("done");
    expect(staleContents(db)).toEqual([]);
  }, 60_000);
});
