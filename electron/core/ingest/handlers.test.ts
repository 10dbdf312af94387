import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { contract, type JobProgress } from "../../common/contract";
import { runJob } from "../../common/rpc/run-job";
import { createCore, type Core } from "../core";
import type { Embedder } from "../llm/embedder";
import { connectInProcess } from "../rpc/in-process";
import { tempDir } from "../testing/temp-dir";
import { llamaEmbedder } from "./testing/llama-embedder";

/*
 * The knowledge handlers' reads and their bookkeeping, on the product core
 * with a real embedder (the tiny test model) whose model id a test can switch,
 * and which counts how often the handlers ask for it.
 */
let dir: string;
let cleanup: () => void;
let real: Awaited<ReturnType<typeof llamaEmbedder>>;
let core: Core;
let client: ReturnType<typeof connectInProcess<typeof contract>>;
let asked = 0;
let modelId = "tiny-a";

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  real = await llamaEmbedder(await ensureTestModel(), "tiny-a");
  const embedder = (): Embedder => ({ modelId, dimension: real.dimension, embed: (texts) => real.embed(texts) });
  core = createCore({ dataDir: join(dir, "data"), host: "test", modelProvider: { embedder: async () => (asked++, embedder()), chatModel: async () => null } });
  client = connectInProcess(contract, core.router);
  await client.call("kb.create", { name: "政策" });
}, 60_000);
afterAll(async () => {
  client.close();
  await core.close();
  await real.dispose();
  cleanup();
});

/**
 * Rows this connection has changed since it opened (reads must leave it
 * alone), less the audit anchor's: every audit entry (a search is audited)
 * moves the chain's anchor row in the database (security/audit/anchor.ts).
 */
const changes = (): number => (core.store.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n - core.services.audit.list({}).total;

describe("knowledge handlers", () => {
  it("report ingestion on the one job.progress channel, with the file in hand as item", async () => {
    const files = ["采购审批", "季度盘点"].map((t, i) => join(dir, `${i}-${t}.txt`));
    for (const [i, f] of files.entries()) await writeFile(f, `${i}、各单位应当严格执行制度。`);
    const progress: JobProgress[] = [];
    const r = await runJob(contract, client, "kb.add", { name: "政策", paths: files }, { onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ ok: 2, failed: [] });
    expect(progress.map((p) => p.item).filter(Boolean)).toEqual(expect.arrayContaining(files));
    expect(progress.at(-1)).toMatchObject({ stage: "done", done: 2, total: 2 });
    expect(Object.keys(contract.events)).not.toContain("kb.progress");
  }, 60_000);

  it("ask for the embedder once per search, and write nothing when listing or searching", async () => {
    const before = changes();
    asked = 0;
    const res = await client.call("kb.search", { name: "政策", query: "季度盘点", k: 3 });
    expect(res.vectorSearch).toBe(true);
    expect(asked).toBe(1);
    await client.call("kb.list", {});
    expect(changes()).toBe(before);
  });

  it("work out on read whether a base needs re-embedding for the model in use, without marking it", async () => {
    const before = changes();
    modelId = "tiny-b";
    expect((await client.call("kb.list", {})).bases[0]).toMatchObject({ embedModel: "tiny-a", needsReembed: true });
    modelId = "tiny-a";
    expect((await client.call("kb.list", {})).bases[0]).toMatchObject({ embedModel: "tiny-a", needsReembed: false });
    expect(changes()).toBe(before);
  });

  it("kb.removeDocument says removed: false for an id it does not know, and audits only a real removal", async () => {
    expect(await client.call("kb.removeDocument", { id: 999_999 })).toEqual({ removed: false });
    expect(core.services.audit.list({ type: "document.remove" }).total).toBe(0);
    const { documents } = await client.call("kb.documents", { name: "政策" });
    expect(await client.call("kb.removeDocument", { id: documents[0]!.id })).toEqual({ removed: true });
    expect(await client.call("kb.removeDocument", { id: documents[0]!.id })).toEqual({ removed: false });
    expect(core.services.audit.list({ type: "document.remove" }).entries.map((e) => e.object)).toEqual([documents[0]!.path]);
  });
});
