import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../../common/rpc/run-job";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { kbContract, kbCore } from "../../ingest/testing/kb-core";
import { llamaEmbedder } from "../../ingest/testing/llama-embedder";
import { tempDir } from "../../testing/temp-dir";
import { exportPack } from "./export-pack";
import { installPack, verifyPack } from "./import-pack";

/**
 * Knowledge packs end to end on real data: a base built by the real ingest
 * pipeline with real vectors (tiny test model) is exported on one data dir
 * and installed and searched on a fresh one; tampering is caught.
 */
let dir: string;
let cleanup: () => void;
let pack: string;
let embedder: Awaited<ReturnType<typeof llamaEmbedder>>;

const NOTICE = `XX市人民政府办公室文件
X政办发〔2025〕7号
关于加强办公用品采购管理的通知
一、严格采购审批。各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案。
二、实行季度盘点。各单位每季度末对办公用品进行盘点，建立台账，做到账实相符。
三、加强监督检查。市财政局会同市审计局对执行情况进行抽查。`;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-packs-"));
  embedder = await llamaEmbedder(await ensureTestModel(), "tiny-a");
  writeFileSync(join(dir, "通知 一.txt"), NOTICE);
  writeFileSync(join(dir, "另一份.txt"), "关于做好防汛工作的通知\n一、落实防汛责任。\n");
  const a = kbCore(join(dir, "a"), embedder);
  await a.client.call("kb.create", { name: "政策" });
  await runJob(kbContract, a.client, "kb.add", { name: "政策", paths: [join(dir, "通知 一.txt"), join(dir, "另一份.txt")] });
  pack = join(dir, "政策.govpack");
  const r = await exportPack(a.core.store.db, "政策", pack);
  expect(r).toMatchObject({ documents: 2, embedModel: "tiny-a" });
  await a.core.close();
}, 120_000);
afterAll(async () => {
  await embedder.dispose();
  cleanup();
});

describe("knowledge packs", () => {
  it("install on a fresh data dir: read-only, same documents, keyword and vector search work", async () => {
    const b = kbCore(join(dir, "b"), embedder);
    try {
      const r = await installPack(b.core.store.db, pack, { localEmbedModel: "tiny-a" });
      expect(r).toMatchObject({ base: "政策", documents: 2, embedModelMismatch: false });
      const row = b.core.store.db.prepare("SELECT read_only AS ro, embed_model AS m, needs_reembed AS re FROM kb_bases WHERE name = '政策'").get();
      expect(row).toEqual({ ro: 1, m: "tiny-a", re: 0 });
      const { hits } = await b.client.call("kb.search", { name: "政策", query: "盘点", k: 3 });
      expect(hits[0]?.path).toBe(join(dir, "通知 一.txt"));
      expect(hits[0]?.snippet).toContain("【盘点】");
      // Every chunk came with its vector.
      const chunks = b.core.store.db.prepare("SELECT count(*) AS n FROM kb_chunks").get() as { n: number };
      const vectors = b.core.store.db.prepare("SELECT count(*) AS n FROM kb_vecf_64").get() as { n: number };
      expect(vectors.n).toBe(chunks.n);
      // Read-only: its documents cannot be added to or removed.
      await expect(runJob(kbContract, b.client, "kb.add", { name: "政策", paths: [join(dir, "另一份.txt")] })).rejects.toThrow(/是只读的/);
      const { documents } = await b.client.call("kb.documents", { name: "政策" });
      await expect(b.client.call("kb.removeDocument", { id: documents[0]!.id })).rejects.toThrow(/是只读的/);
      await expect(installPack(b.core.store.db, pack, { name: "再装一次", localEmbedModel: null })).rejects.toThrow(/已经安装过了/);
      await expect(installPack(b.core.store.db, pack, { localEmbedModel: null })).rejects.toThrow(/已存在/);
    } finally {
      await b.core.close();
    }
  });

  it("flags a pack made with another embedding model instead of mixing vectors", async () => {
    const c = kbCore(join(dir, "c"), null);
    try {
      const r = await installPack(c.core.store.db, pack, { localEmbedModel: "some-other-model" });
      expect(r.embedModelMismatch).toBe(true);
      expect(c.core.store.db.prepare("SELECT needs_reembed AS re FROM kb_bases").get()).toEqual({ re: 1 });
    } finally {
      await c.core.close();
    }
  });

  it.each([
    ["a modified document", (lines: string[]) => (lines[1] = lines[1]!.replace('"text":"', '"text":"篡改')), /第 2 部分的校验值.*被修改过/],
    ["a deleted document", (lines: string[]) => lines.splice(1, 1), /清单列出 3 部分，实际有 2 部分/],
    ["a missing manifest", (lines: string[]) => lines.pop(), /缺少清单/],
    ["a forged header", (lines: string[]) => (lines[0] = lines[0]!.replace('"documents":2', '"documents":3')), /第 1 部分的校验值/],
  ])("refuses %s and installs nothing", async (_name, tamper, message) => {
    const lines = gunzipSync(readFileSync(pack)).toString("utf8").trimEnd().split("\n");
    tamper(lines);
    const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.govpack`);
    writeFileSync(bad, gzipSync(`${lines.join("\n")}\n`));
    const d = kbCore(join(dir, `d-${Math.random().toString(36).slice(2)}`), null);
    try {
      await expect(installPack(d.core.store.db, bad, { localEmbedModel: null })).rejects.toThrow(message);
      expect(d.core.store.db.prepare("SELECT count(*) AS n FROM kb_bases").get()).toEqual({ n: 0 });
    } finally {
      await d.core.close();
    }
  });

  it("refuses files that are not packs, clearly", async () => {
    const junk = join(dir, "junk.govpack");
    writeFileSync(junk, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
    await expect(verifyPack(junk)).rejects.toThrow(/不是有效的知识包/);
    await expect(verifyPack(join(dir, "missing.govpack"))).rejects.toThrow(/找不到知识包文件/);
    writeFileSync(junk, gzipSync('{"type":"header","format":"zip"}\n'));
    await expect(verifyPack(junk)).rejects.toThrow(/文件头不正确/);
  });
});

describe("policy pre-installed packs", () => {
  it("installs each new pack of the folder once, and reports a bad one without stopping", async () => {
    const { preinstallPacks } = await import("./preinstall");
    const folder = join(dir, "packs");
    const { mkdirSync, copyFileSync } = await import("node:fs");
    mkdirSync(folder, { recursive: true });
    copyFileSync(pack, join(folder, "a-政策.govpack"));
    writeFileSync(join(folder, "b-坏的.govpack"), "not a pack");
    const e = kbCore(join(dir, "e"), null);
    try {
      const seen: string[] = [];
      const report = (file: string, o: unknown) => seen.push(`${file.split("/").pop()}: ${o instanceof Error ? "error" : "installed"}`);
      await preinstallPacks(e.core.store.db, folder, null, report);
      expect(seen).toEqual(["a-政策.govpack: installed", "b-坏的.govpack: error"]);
      seen.length = 0;
      await preinstallPacks(e.core.store.db, folder, null, report); // already installed: skipped silently
      expect(seen).toEqual(["b-坏的.govpack: error"]);
      expect((await e.client.call("kb.search", { name: "政策", query: "审批", k: 1 })).hits).toHaveLength(1);
    } finally {
      await e.core.close();
    }
  });
});
