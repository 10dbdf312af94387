import { mkdir, open, rm, symlink, writeFile, utimes } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import type { Db } from "../store/open-store";
import { encryptPdf, NOTICE_PAGES, writeDocx, writeGbk, writePdf } from "./testing/fixtures";
import { kbContract, kbCore } from "./testing/kb-core";
import { writeOfd } from "./testing/ofd-fixture";
import { writeZip } from "./testing/zip-writer";
import { ingestPaths } from "./pipeline";

let dir: string;
let cleanup: () => void;
let kb: ReturnType<typeof kbCore>;
let db: Db;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  kb = kbCore(join(dir, "data"));
  db = kb.core.store.db;
});
afterEach(async () => {
  kb.client.close();
  await kb.core.close();
  cleanup();
});

const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** Every chunk has exactly one FTS row and no (content, seq) pair exists twice. */
function expectConsistentIndex(): void {
  expect(count("SELECT count(*) AS n FROM kb_fts")).toBe(count("SELECT count(*) AS n FROM kb_chunks"));
  expect(count("SELECT count(*) AS n FROM (SELECT content_id, seq FROM kb_chunks GROUP BY 1, 2 HAVING count(*) > 1)")).toBe(0);
  expect(count("SELECT count(*) AS n FROM kb_contents ct WHERE ct.chunk_count <> (SELECT count(*) FROM kb_chunks c WHERE c.content_id = ct.id)")).toBe(0);
}

describe("kb add: a mixed folder with bad files", () => {
  it("indexes the good files, fails each bad one with its own reason, and search finds the right document", async () => {
    const folder = join(dir, "公文 资料");
    await mkdir(join(folder, "子 目录"), { recursive: true });
    await writePdf(join(folder, "子 目录", "数据安全 通知.pdf"), NOTICE_PAGES);
    await writeGbk(join(folder, "采购.txt"), "关于加强办公用品采购管理的通知\n一、实行季度盘点。各单位每季度末对办公用品进行盘点。\n");
    await writeDocx(join(folder, "招生.docx"), [{ heading: "一、考试科目" }, { table: [["科目", "说明"], ["体育", "卷面得分不计入总分"]] }]);
    await writeOfd(join(folder, "防汛.ofd"), { pages: [[{ text: "关于做好防汛抗旱工作的通知", x: 10, y: 10 }]] });
    // bad input
    await writeFile(join(folder, "corrupt.pdf"), "%PDF-1.4\nnot really\n%%EOF");
    await encryptPdf(join(folder, "子 目录", "数据安全 通知.pdf"), join(folder, "locked.pdf"));
    await writeZip(join(folder, "bomb.docx"), [{ name: "word/document.xml", zeros: 600 * 1024 * 1024 }]);
    await writeOfd(join(folder, "missing.ofd"), { pages: [[{ text: "甲", x: 1, y: 1 }], [{ text: "乙", x: 1, y: 1 }]], omitPage: 2 });
    await writeFile(join(folder, "garbage.txt"), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    await writeFile(join(folder, "empty.txt"), "");
    const fh = await open(join(folder, "huge.txt"), "w");
    await fh.truncate(500 * 1024 * 1024);
    await fh.close();
    await symlink(folder, join(folder, "子 目录", "loop"));

    await kb.client.call("kb.create", { name: "政策" });
    const r = await runJob(kbContract, kb.client, "kb.add", { name: "政策", paths: [folder] });
    expect(r.ok).toBe(4);
    const reasons = Object.fromEntries(r.failed.map((f) => [f.path.slice(folder.length + 1), f.error]));
    expect(reasons["corrupt.pdf"]).toMatch(/PDF 文件已损坏/);
    expect(reasons["locked.pdf"]).toMatch(/已加密/);
    expect(reasons["bomb.docx"]).toMatch(/压缩炸弹/);
    expect(reasons["missing.ofd"]).toMatch(/缺少 Doc_0\/Pages\/Page_1/);
    expect(reasons["garbage.txt"]).toMatch(/不是文本文件/);
    expect(reasons["empty.txt"]).toMatch(/文件为空/);
    expect(reasons["huge.txt"]).toMatch(/文件过大/);
    expect(reasons["子 目录/loop"]).toMatch(/循环/);
    expect(r.failed).toHaveLength(8);

    const docs = (await kb.client.call("kb.documents", { name: "政策" })).documents;
    const pdf = docs.find((d) => d.path.endsWith("数据安全 通知.pdf"))!;
    expect(pdf).toMatchObject({ status: "ready", pages: 3, format: "pdf" });
    expect(pdf.meta).toMatchObject({ docNumber: "江南政办发〔2024〕12号", date: "2024-05-20" });
    expect(docs.find((d) => d.path.endsWith("locked.pdf"))).toMatchObject({ status: "failed" });

    for (const [q, file] of [["离线存储", "数据安全 通知.pdf"], ["盘点", "采购.txt"], ["卷面得分不计入总分", "招生.docx"], ["防汛", "防汛.ofd"], ["盘", "采购.txt"]] as const) {
      const { hits } = await kb.client.call("kb.search", { name: "政策", query: q, k: 3 });
      expect(hits[0]?.path, q).toBe(join(folder, file === "数据安全 通知.pdf" ? "子 目录/数据安全 通知.pdf" : file));
      expect(hits[0]!.snippet, q).toContain(`【${q}】`);
    }
    const { hits } = await kb.client.call("kb.search", { name: "政策", query: "涉密数据一律离线存储", k: 3 });
    expect(hits[0]!.page).toBe(2);
    expect(hits[0]!.headingPath).toEqual(["二、重点任务", "（二）落实离线存储要求。涉密数据一律离线存储，严禁连接互联网。"]);
    const preview = await kb.client.call("kb.preview", { documentId: hits[0]!.documentId, page: hits[0]!.page });
    expect(preview).toMatchObject({ page: 2, pageCount: 3 });
    expect(preview.text).toContain("涉密数据一律离线存储");
    expectConsistentIndex();
  }, 60_000);
});

describe("kb add: order", () => {
  it("reads the largest files first, so that no thread is left alone with a long document at the end", async () => {
    const folder = join(dir, "大小");
    await mkdir(folder);
    await writeFile(join(folder, "a-small.txt"), `一、小\n${"甲".repeat(100)}`);
    await writeFile(join(folder, "b-large.txt"), `一、大\n${"乙".repeat(20000)}`);
    await writeFile(join(folder, "c-medium.txt"), `一、中\n${"丙".repeat(5000)}`);
    await kb.client.call("kb.create", { name: "序" });
    const started: string[] = [];
    const r = await ingestPaths(db, "序", [folder], { threads: 1, onProgress: (p) => void (p.stage === "hash" && p.file && started.push(basename(p.file))) });
    expect(r.ok).toBe(3);
    expect(started).toEqual(["b-large.txt", "c-medium.txt", "a-small.txt"]);
  });
});

describe("kb add: re-ingest, duplicates, changes, deletions, filters", () => {
  it("skips unchanged files, stores identical files once, and replaces a changed file's chunks atomically", async () => {
    const a = join(dir, "a.txt");
    const b = join(dir, "b 副本.txt");
    await writeFile(a, "一、季度盘点\n各单位每季度末进行盘点。");
    await writeFile(b, "一、季度盘点\n各单位每季度末进行盘点。");
    await kb.client.call("kb.create", { name: "k" });
    const first = await ingestPaths(db, "k", [a, b]);
    expect(first).toMatchObject({ ok: 2, skipped: 0, failed: [] });
    expect(count("SELECT count(*) AS n FROM kb_contents")).toBe(1);
    const { hits } = await kb.client.call("kb.search", { name: "k", query: "盘点", k: 10 });
    expect(hits).toHaveLength(1);

    expect(await ingestPaths(db, "k", [a, b])).toMatchObject({ ok: 0, skipped: 2 });

    await writeFile(a, "一、年度审计\n各单位年底接受审计。");
    await utimes(a, new Date(), new Date(Date.now() + 5000));
    expect(await ingestPaths(db, "k", [a, b])).toMatchObject({ ok: 1, skipped: 1 });
    expect(count("SELECT count(*) AS n FROM kb_contents")).toBe(2);
    expect((await kb.client.call("kb.search", { name: "k", query: "审计", k: 5 })).hits.map((h) => h.path)).toEqual([a]);
    expect((await kb.client.call("kb.search", { name: "k", query: "盘点", k: 5 })).hits.map((h) => h.path)).toEqual([b]);

    await writeFile(b, "一、年度审计\n各单位年底接受审计。");
    await utimes(b, new Date(), new Date(Date.now() + 9000));
    await ingestPaths(db, "k", [b]);
    // The old content is gone with its chunks and FTS rows; both paths share the new one.
    expect(count("SELECT count(*) AS n FROM kb_contents")).toBe(1);
    expect((await kb.client.call("kb.search", { name: "k", query: "盘点", k: 5 })).hits).toEqual([]);
    expectConsistentIndex();
  });

  it("a file deleted while queued fails alone; cancelling leaves the rest queued and the next run finishes", async () => {
    const files = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const p = join(dir, `f${i}.txt`);
        await writeFile(p, `第${i}号文件。内容${i}。`);
        return p;
      }),
    );
    await kb.client.call("kb.create", { name: "k" });
    let deleted = false;
    const r = await ingestPaths(db, "k", files, {
      threads: 1,
      onProgress: (p) => {
        if (!deleted && p.file === files[0]) {
          deleted = true;
          void rm(files[3]!);
        }
      },
    });
    expect(r.ok).toBe(5);
    expect(r.failed).toEqual([{ path: files[3], error: expect.stringMatching(/文件已不存在/) }]);

    await kb.client.call("kb.create", { name: "c" });
    const ac = new AbortController();
    const partial = await ingestPaths(db, "c", files.filter((_, i) => i !== 3), {
      threads: 1,
      signal: ac.signal,
      onProgress: (p) => p.stage === "write" && p.done >= 1 && ac.abort(),
    });
    expect(partial.cancelled).toBe(true);
    const queued = count("SELECT count(*) AS n FROM kb_documents d JOIN kb_bases b ON b.id = d.kb_id WHERE b.name = 'c' AND d.status = 'queued'");
    expect(queued).toBeGreaterThan(0);
    const rest = await ingestPaths(db, "c", []);
    expect(rest.ok + rest.skipped).toBe(queued);
    expect(count("SELECT count(*) AS n FROM kb_documents d JOIN kb_bases b ON b.id = d.kb_id WHERE b.name = 'c' AND d.status = 'ready'")).toBe(5);
    expectConsistentIndex();
  });

  it("a long-running host (serve) resumes the queue an interrupted run left, at start", async () => {
    const files = await Promise.all(
      Array.from({ length: 3 }, async (_, i) => {
        const p = join(dir, `q${i}.txt`);
        await writeFile(p, `第${i}号排队文件。`);
        return p;
      }),
    );
    await kb.client.call("kb.create", { name: "q" });
    const ac = new AbortController();
    const r = await ingestPaths(db, "q", files, { signal: ac.signal, threads: 1, onProgress: (p) => p.stage === "hash" && ac.abort() });
    expect(r.cancelled).toBe(true);
    expect(count("SELECT count(*) AS n FROM kb_documents WHERE status = 'queued'")).toBeGreaterThanOrEqual(2);
    kb.client.close();
    await kb.core.close();

    kb = kbCore(join(dir, "data"), null, "serve");
    db = kb.core.store.db;
    const end = Date.now() + 15_000;
    while (count("SELECT count(*) AS n FROM kb_documents WHERE status = 'ready'") < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(count("SELECT count(*) AS n FROM kb_documents WHERE status = 'ready'")).toBe(3);
    expectConsistentIndex();
  });

  it("filters by format, 发文机关 and date range", async () => {
    const p = join(dir, "notice.pdf");
    await writePdf(p, NOTICE_PAGES);
    const t = join(dir, "other.txt");
    await writeFile(t, "市财政局文件\n市财发〔2023〕9号\n关于数据安全检查的通知\n各区：\n开展数据安全检查。\n市财政局\n2023年1月5日");
    await kb.client.call("kb.create", { name: "k" });
    await ingestPaths(db, "k", [p, t]);
    const paths = async (filters: object): Promise<string[]> => (await kb.client.call("kb.search", { name: "k", query: "数据安全", k: 10, filters })).hits.map((h) => h.path);
    expect(new Set(await paths({}))).toEqual(new Set([p, t]));
    expect(new Set(await paths({ format: ["txt"] }))).toEqual(new Set([t]));
    expect(new Set(await paths({ issuer: "江南省" }))).toEqual(new Set([p]));
    expect(new Set(await paths({ dateFrom: "2024-01-01" }))).toEqual(new Set([p]));
    expect(new Set(await paths({ dateTo: "2023-12-31" }))).toEqual(new Set([t]));
  });

  it("bases: create, rename, list, delete; unknown base and duplicate name get Chinese errors", async () => {
    await kb.client.call("kb.create", { name: "甲" });
    await expect(kb.client.call("kb.create", { name: "甲" })).rejects.toThrow(/已存在/);
    await kb.client.call("kb.rename", { name: "甲", to: "乙" });
    expect((await kb.client.call("kb.list", {})).bases.map((b) => b.name)).toEqual(["乙"]);
    expect((await kb.client.call("kb.list", {})).vectorSearch).toBe(false);
    await expect(kb.client.call("kb.search", { name: "无此库", query: "x", k: 1 })).rejects.toThrow(/找不到知识库/);
    await kb.client.call("kb.delete", { name: "乙" });
    expect((await kb.client.call("kb.list", {})).bases).toEqual([]);
  });
});
