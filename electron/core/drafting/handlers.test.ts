import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract, type Contract } from "../../common/contract";
import { applyFindingToSpec } from "../../common/drafting/fix";
import { namedPaths } from "../../common/rpc/named-paths";
import { runJob } from "../../common/rpc/run-job";
import { createCore, type Core } from "../core";
import { connectInProcess } from "../rpc/in-process";
import { rpcRejection } from "../testing/rpc-error";
import { tempDir } from "../testing/temp-dir";

/** The drafting calls through the contract, without a model. */
let core: Core<Contract>;
let client: ReturnType<typeof connectInProcess<Contract>>;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir("govdesk-drafting-"));
  core = createCore({ dataDir: join(dir, "data"), host: "test" });
  client = connectInProcess(contract, core.router);
});
afterAll(async () => {
  client.close();
  await core.close();
  cleanup();
});

const SPEC = { kind: "通知" as const, issuer: "XX市人民政府办公室", number: "X政办发[2025]8号", subject: "加强采购管理", to: "各区人民政府", body: "截止目前，部分单位未建台账。", date: "2025-03-15" };

describe("drafting calls", () => {
  it("checks a draft and fixes a finding back into its fields", async () => {
    const r = await client.call("drafting.check", { source: { spec: SPEC } });
    const number = r.findings.find((f) => f.rule === "number.form")!;
    const fixed = applyFindingToSpec(SPEC, r.text, r.segments!, number)!;
    expect(fixed.number).toBe("X政办发〔2025〕8号");
    const word = r.findings.find((f) => f.rule === "words.misused")!;
    expect(applyFindingToSpec(fixed, r.text, r.segments!, word)!.body).toBe("截至目前，部分单位未建台账。");
    const again = await client.call("drafting.check", { source: { spec: fixed } });
    expect(again.findings.filter((f) => f.rule === "number.form")).toEqual([]);
  });

  it("exports a saved draft to a path, with its findings and page count", async () => {
    const draft = await client.call("drafting.drafts.save", { spec: SPEC });
    const out = join(dir, "out.docx");
    const r = await client.call("drafting.export", { id: draft.id, path: out });
    expect(existsSync(out)).toBe(true);
    expect(r).toMatchObject({ path: out, pages: 1, fileName: "XX市人民政府办公室关于加强采购管理的通知.docx" });
    expect(r.findings.map((f) => f.rule)).toContain("number.form");
    const audit = await client.call("audit.list", { offset: 0, limit: 50 });
    expect(audit.entries.some((e) => e.type === "export" && e.object === out)).toBe(true);
  });

  it("checks a knowledge-base document", async () => {
    const file = join(dir, "通知.txt");
    writeFileSync(file, "关于加强采购管理的通知\nX政办发[2025]8号\n各单位：\n各单位须审批。");
    await client.call("kb.create", { name: "k" });
    await runJob(contract, client, "kb.add", { name: "k", paths: [file] });
    const [doc] = (await client.call("kb.documents", { name: "k" })).documents;
    const r = await client.call("drafting.check", { source: { documentId: doc!.id } });
    expect(r.findings.map((f) => f.rule)).toContain("number.form");
    expect(r.stats.kind).toBe("通知");
    expect(await rpcRejection(client.call("drafting.check", { source: { documentId: 999 } }))).toMatchObject({ code: "NOT_FOUND" });
  }, 60_000);

  it("refuses a spec it cannot lay out, in Chinese", async () => {
    expect(await rpcRejection(client.call("drafting.export", { spec: { ...SPEC, date: "明年三月" } }))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/成文日期“明年三月”无法识别/) });
    expect(await rpcRejection(client.call("drafting.drafts.save", { spec: { ...SPEC, kind: "报表" as never } }))).toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("drafting path rules (declared on the calls, enforced by the core's path guard)", () => {
  const named = (method: keyof Contract["methods"], input: unknown) => namedPaths(contract.methods[method].rules, input);
  it("names the file a check reads, the files a fix reads and writes, the export's target and the model", () => {
    expect(named("drafting.check", { source: { path: "/in.docx" } })).toEqual([{ path: "/in.docx", use: "read" }]);
    expect(named("drafting.check", { source: { spec: SPEC } })).toEqual([]);
    expect(named("drafting.fix", { path: "/in.docx", outPath: "/out.docx" })).toEqual([
      { path: "/in.docx", use: "read" },
      { path: "/out.docx", use: "write" },
    ]);
    expect(named("drafting.export", { id: 1, path: "/a.docx" })).toEqual([{ path: "/a.docx", use: "write" }]);
    expect(named("drafting.export", { spec: SPEC })).toEqual([]);
    expect(named("drafting.generate", { spec: SPEC, modelPath: "/m.gguf" })).toEqual([{ path: "/m.gguf", use: "model" }]);
    expect(named("drafting.polish", { kind: "通知", body: "x", modelPath: "/m.gguf" })).toEqual([{ path: "/m.gguf", use: "model" }]);
  });
});
