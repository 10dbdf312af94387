import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { contract, type Contract } from "../../../common/contract";
import type { DraftDelta, DraftSection } from "../../../common/contracts/drafting";
import { parsePartialJson } from "../../../common/drafting/partial-json";
import { runJob } from "../../../common/rpc/run-job";
import { createCore, type Core } from "../../core";
import { connectInProcess } from "../../rpc/in-process";
import { rpcRejection } from "../../testing/rpc-error";
import { tempDir } from "../../testing/temp-dir";

/**
 * Drafting with the model, on the project's tiny GGUF through the real
 * model worker: gibberish text, but the grammar makes every answer valid
 * JSON of the fixed structure, so the mechanics are what is tested — the
 * outline, one call per section, deltas before each section's event,
 * citations from the knowledge base, cancellation, the saved draft.
 */
let core: Core<Contract>;
let client: ReturnType<typeof connectInProcess<Contract>>;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-draft-"));
  core = createCore({ dataDir: join(dir, "data"), host: "test" });
  client = connectInProcess(contract, core.router);
  await client.call("settings.set", { threads: 1 });
  const model = await runJob(contract, client, "models.import", { path: await ensureTestModel() });
  await client.call("settings.set", { defaultChatModelId: model.id });
  const rule = join(dir, "采购管理办法.txt");
  writeFileSync(rule, "XX市办公用品采购管理办法\nX政发〔2015〕44号\n各单位采购办公用品须经分管领导审批，实行季度盘点。");
  await client.call("kb.create", { name: "制度" });
  await runJob(contract, client, "kb.add", { name: "制度", paths: [rule] });
}, 180_000);
afterAll(async () => {
  client.close();
  await core.close();
  cleanup();
});

const SPEC = { kind: "通知" as const, issuer: "XX市人民政府办公室", subject: "加强办公用品采购管理", to: "各区人民政府", points: "采购须审批\n季度盘点", date: "2025-03-15" };

describe("drafting.generate on the test model", () => {
  it("writes an outline and each section in turn, streamed, into the fixed structure, and saves the draft", async () => {
    const deltas: DraftDelta[] = [];
    const sections: { index: number; section: DraftSection }[] = [];
    let jobId = "";
    const offD = client.on("drafting.delta", (d) => d.jobId === jobId && deltas.push(d));
    const offS = client.on("drafting.section", (e) => e.jobId === jobId && sections.push(e));
    const draft = await runJob(contract, client, "drafting.generate", { spec: SPEC, kb: "制度", maxSections: 2 }, { onJobId: (id) => (jobId = id) }).finally(() => {
      offD();
      offS();
    });
    expect(draft.method).toBe("llm");
    expect(draft.model).toBeTruthy();
    expect(draft.title).toBe("XX市人民政府办公室关于加强办公用品采购管理的通知");
    expect(draft.spec.to).toBe("各区人民政府");
    expect(sections.length).toBeGreaterThanOrEqual(1);
    expect(sections.length).toBeLessThanOrEqual(2);
    expect(sections.map((s) => s.index)).toEqual(sections.map((_s, i) => i));
    for (const { section } of sections) {
      expect(section.paragraphs.length).toBeGreaterThanOrEqual(1);
      for (const p of section.paragraphs) expect(draft.spec.body).toContain(p.trim());
    }
    // The outline streamed first, then each section's JSON before its event.
    expect(deltas[0]!.stage).toBe("outline");
    const sectionText = (i: number) => deltas.filter((d) => d.stage === "section" && d.index === i).map((d) => d.text).join("");
    for (let i = 0; i < sections.length; i++) expect((parsePartialJson(sectionText(i)) as { paragraphs: string[] }).paragraphs.map((p) => p.trim()).filter(Boolean)).toEqual(sections[i]!.section.paragraphs);
    const saved = await client.call("drafting.drafts.get", { id: draft.id });
    expect(saved.spec.body).toBe(draft.spec.body);
    // The opening's 依据 is a knowledge-base page, cited the way 公文 do.
    expect(saved.citations.length).toBeGreaterThanOrEqual(1);
    expect(saved.citations[0]).toMatchObject({ title: "XX市办公用品采购管理办法", docNumber: "X政发〔2015〕44号", page: 1, documentId: expect.any(Number), snippet: expect.stringMatching(/审批|盘点/) });
    expect(saved.spec.body!.split("\n")[0]).toMatch(/^根据《XX市办公用品采购管理办法》（X政发〔2015〕44号），/);
    expect((await client.call("drafting.drafts.list", {})).map((d) => d.id)).toContain(draft.id);
  }, 240_000);

  it("stops when cancelled and saves nothing", async () => {
    const before = (await client.call("drafting.drafts.list", {})).length;
    const controller = new AbortController();
    let jobId = "";
    const off = client.on("drafting.delta", (d) => d.jobId === jobId && controller.abort());
    await expect(runJob(contract, client, "drafting.generate", { spec: SPEC, maxSections: 2 }, { signal: controller.signal, onJobId: (id) => (jobId = id) }).finally(off)).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await client.call("drafting.drafts.list", {})).length).toBe(before);
  }, 240_000);

  it("asks for 要点 first, and names a knowledge base that does not exist", async () => {
    expect(await rpcRejection(runJob(contract, client, "drafting.generate", { spec: { kind: "通知", issuer: "XX" }, maxSections: 2 }))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/要点/) });
    expect(await rpcRejection(runJob(contract, client, "drafting.generate", { spec: SPEC, kb: "没有这个库", maxSections: 2 }))).toMatchObject({ code: "NOT_FOUND" });
  }, 60_000);
});

describe("drafting.polish on the test model", () => {
  it("returns suggestions for existing paragraphs only, each with the original beside it", async () => {
    const body = "各单位采购办公用品须经分管领导审批。\n各单位每季度末进行盘点。";
    const r = await runJob(contract, client, "drafting.polish", { kind: "通知", body, maxParagraphs: 2 });
    const lines = body.split("\n");
    for (const s of r.suggestions) {
      expect(lines[s.paragraph]).toBe(s.original);
      expect(s.revised).not.toBe(s.original);
    }
  }, 240_000);
});
