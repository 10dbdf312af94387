import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../../core/testing/temp-dir";

const BIN = join(import.meta.dirname, "../../../../bin/govdesk.mjs");
let dir: string;
let cleanup: () => void;
let notice: string;

function govdesk(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, GOVDESK_DATA_DIR: join(dir, "data") }, timeout: 90_000 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number }) | null;
      resolve({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, stdout, stderr });
    });
  });
}

const lastLine = (s: string): string => s.trim().split("\n").at(-1) ?? "";

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  notice = join(dir, "notice.txt");
  writeFileSync(
    notice,
    "关于加强办公用品采购管理的通知\n各区人民政府，市政府各部门：\n为进一步规范办公用品采购，节约行政经费，现就有关事项通知如下。\n一、严格采购审批。各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案。\f二、实行季度盘点。各单位每季度末对办公用品进行盘点，建立台账，做到账实相符。\n三、加强监督检查。市财政局会同市审计局对执行情况进行抽查，发现问题限期整改。",
  );
});
afterAll(() => cleanup());

describe("govdesk summarize / ask", () => {
  it("summarize without a model prints the extractive JSON shape, points with pages", async () => {
    const r = await govdesk("summarize", notice, "--json", "--length", "detailed");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { method: string; summary: string; points: { text: string; pages: number[] }[]; stats: { chunks: number; inputChars: number; seconds: number } };
    expect(j.method).toBe("extractive");
    expect(j.points.length).toBeGreaterThan(0);
    expect(j.points.map((p) => p.pages[0])).toContain(2);
    expect(j.stats.inputChars).toBeGreaterThan(100);
    expect(r.stderr).toMatch(/读取文档/);
  }, 60_000);

  it("fails with exit codes and one Chinese reason for a missing file, a bad length and an unknown knowledge base", async () => {
    const [missing, badLength, noKb] = await Promise.all([
      govdesk("summarize", join(dir, "nope.txt")),
      govdesk("summarize", notice, "--length", "long"),
      govdesk("ask", "不存在的库", "问题", "--json"),
    ]);
    expect(missing.code).toBe(1);
    expect(lastLine(missing.stderr)).toMatch(/^错误：.*nope\.txt/);
    expect(badLength.code).toBe(2);
    expect(lastLine(badLength.stderr)).toMatch(/^错误：--length 应为 brief/);
    expect(noKb.code).toBe(1);
    expect(lastLine(noKb.stderr)).toMatch(/^错误：找不到知识库/);
    expect(missing.stdout + noKb.stdout).toBe("");
  }, 60_000);

  it("ask without a model answers from the passages, citing the page that holds them", async () => {
    expect((await govdesk("kb", "create", "t")).code).toBe(0);
    expect((await govdesk("kb", "add", "t", notice)).code).toBe(0);
    const r = await govdesk("ask", "t", "季度盘点有什么要求？", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { answer: string; citations: { n: number; page: number; snippet: string; path: string }[] };
    expect(j.citations.length).toBeGreaterThan(0);
    expect(j.citations[0]).toMatchObject({ n: 1, page: 2, path: notice });
    expect(j.citations[0]!.snippet).toContain("季度末对办公用品进行盘点");
  }, 90_000);
});
