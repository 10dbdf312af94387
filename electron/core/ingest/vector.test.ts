import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import { vectorSearch } from "../search/vector";
import { rrf } from "../search/hybrid";
import { llamaEmbedder } from "./testing/llama-embedder";
import { kbContract, kbCore } from "./testing/kb-core";

let dir: string;
let cleanup: () => void;
let embedder: Awaited<ReturnType<typeof llamaEmbedder>>;
let modelPath: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  modelPath = await ensureTestModel();
  embedder = await llamaEmbedder(modelPath, "tiny-a");
}, 60_000);
afterAll(async () => {
  await embedder.dispose();
  cleanup();
});

describe("vector path (real embeddings from the tiny test model)", () => {
  it("stores 64-dim vectors with the model id; a chunk's own text finds it first; RRF merges both lists", async () => {
    const files = ["采购审批", "季度盘点", "监督检查"].map((t, i) => ({ path: join(dir, `${i}.txt`), text: `${t}：各单位应当严格执行${t}制度，编号${i}。` }));
    for (const f of files) await writeFile(f.path, f.text);
    const kb = kbCore(join(dir, "d1"), embedder);
    try {
      await kb.client.call("kb.create", { name: "v" });
      await runJob(kbContract, kb.client, "kb.add", { name: "v", paths: files.map((f) => f.path) });
      const db = kb.core.store.db;
      expect(db.prepare("SELECT count(*) AS n FROM kb_vec_64").get()).toEqual({ n: 3 });
      expect(db.prepare("SELECT DISTINCT embed_model AS m FROM kb_contents").all()).toEqual([{ m: "tiny-a" }]);
      expect((await kb.client.call("kb.list", {})).bases[0]).toMatchObject({ embedModel: "tiny-a", needsReembed: false });

      const kbId = (db.prepare("SELECT id FROM kb_bases").get() as { id: number }).id;
      for (const f of files) {
        const [v] = await embedder.embed([f.text]);
        const hits = vectorSearch(db, kbId, v!, 3);
        const top = db.prepare("SELECT d.path FROM kb_chunks c JOIN kb_documents d ON d.content_id = c.content_id WHERE c.id = ?").get(hits[0]!.chunkId) as { path: string };
        expect(top.path).toBe(f.path);
      }
      const res = await kb.client.call("kb.search", { name: "v", query: "季度盘点", k: 3 });
      expect(res.vectorSearch).toBe(true);
      expect(res.hits[0]!.path).toBe(files[1]!.path);
      expect(res.hits).toHaveLength(3); // keyword finds one; vectors bring the others
    } finally {
      kb.client.close();
      await kb.core.close();
    }
  }, 60_000);

  it("a different embedding model marks the base for re-embedding, and the next add re-embeds it", async () => {
    const p = join(dir, "x.txt");
    await writeFile(p, "一、总体要求。坚持安全与发展并重。");
    const data = join(dir, "d2");
    const a = kbCore(data, embedder);
    await a.client.call("kb.create", { name: "v" });
    await runJob(kbContract, a.client, "kb.add", { name: "v", paths: [p] });
    a.client.close();
    await a.core.close();

    const other = { ...embedder, modelId: "tiny-b", embed: embedder.embed };
    const b = kbCore(data, other);
    try {
      expect((await b.client.call("kb.list", {})).bases[0]).toMatchObject({ embedModel: "tiny-a", needsReembed: true });
      await runJob(kbContract, b.client, "kb.add", { name: "v", paths: [p] });
      expect((await b.client.call("kb.list", {})).bases[0]).toMatchObject({ embedModel: "tiny-b", needsReembed: false });
      expect(b.core.store.db.prepare("SELECT embed_model AS m FROM kb_contents").all()).toEqual([{ m: "tiny-b" }]);
      expect(b.core.store.db.prepare("SELECT count(*) AS n FROM kb_vec_64").get()).toEqual({ n: 1 });
    } finally {
      b.client.close();
      await b.core.close();
    }
  }, 60_000);

  it("rrf: a chunk ranked in both lists beats one ranked first in only one", () => {
    const merged = rrf([
      [{ chunkId: 1, rank: 1 }, { chunkId: 2, rank: 2 }],
      [{ chunkId: 2, rank: 1 }, { chunkId: 3, rank: 2 }],
    ]);
    expect(merged.map((m) => m.chunkId)).toEqual([2, 1, 3]);
    expect(merged[0]!.score).toBeCloseTo(1 / 61 + 1 / 62);
  });
});
