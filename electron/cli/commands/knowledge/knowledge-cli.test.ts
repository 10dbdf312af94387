import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../../core/testing/temp-dir";

/** `govdesk extract / kb / search` run as a user would (bin/govdesk.mjs), on files made here. */
const BIN = join(import.meta.dirname, "../../../../bin/govdesk.mjs");
let dir: string;
let cleanup: () => void;
let data: string;
function govdesk(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "--data-dir", data, ...args], { encoding: "utf8", env: { ...process.env, GOVDESK_DATA_DIR: "" }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  data = join(dir, "data");
  writeFileSync(join(dir, "通知 甲.txt"), "X市财政局文件\nX财发〔2025〕7号\n关于加强办公用品采购管理的通知\n各区财政局：\n一、实行季度盘点。各单位每季度末进行盘点。\nX市财政局\n2025年3月15日\n");
  writeFileSync(join(dir, "坏.pdf"), "%PDF-1.4 garbage");
});
afterAll(() => cleanup());

describe("govdesk knowledge commands", () => {
  it("extract --json prints pages and 公文 metadata; a bad file exits 1 with one Chinese line", () => {
    const r = govdesk("extract", join(dir, "通知 甲.txt"), "--json");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; pages: { page: number; text: string }[]; meta: Record<string, unknown> };
    expect(doc.format).toBe("txt");
    expect(doc.pages[0]!.text).toContain("季度盘点");
    expect(doc.meta).toMatchObject({ docNumber: "X财发〔2025〕7号", issuer: "X市财政局", date: "2025-03-15", kind: "通知", isGongwen: true });
    expect(doc.meta["sources"]).toMatchObject({ docNumber: { from: "number-line" }, issuer: { from: "header" }, date: { from: "signature" } });
    const text = govdesk("extract", join(dir, "通知 甲.txt"));
    expect(text.stdout).toContain("文种：通知");
    expect(text.stdout).toMatch(/发文字号：X财发〔2025〕7号（来自发文字号行，可信度 0\.95）/);
    const bad = govdesk("extract", join(dir, "坏.pdf"));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^错误：PDF 文件已损坏/);
  });

  it("kb create / add (summary on stdout, progress on stderr) / list --json / search --json / rm", () => {
    expect(govdesk("kb", "create", "政策").code).toBe(0);
    // One of the two files fails: the summary names it and the exit code says "partly done".
    const add = govdesk("kb", "add", "政策", dir, "--json");
    expect(add.code, add.stderr).toBe(3);
    expect(JSON.parse(add.stdout)).toMatchObject({ ok: 1, failed: [{ path: join(dir, "坏.pdf") }] });
    expect(add.stderr).toMatch(/\[\d+\/\d+\]/);
    const list = JSON.parse(govdesk("kb", "list", "--json").stdout) as { bases: { name: string; documents: number }[] };
    expect(list.bases).toMatchObject([{ name: "政策", documents: 2 }]);
    const s = JSON.parse(govdesk("search", "政策", "盘点", "--k", "3", "--json").stdout) as { hits: { path: string; page: number; snippet: string }[] };
    expect(s.hits[0]).toMatchObject({ path: join(dir, "通知 甲.txt"), page: 1 });
    expect(s.hits[0]!.snippet).toContain("【盘点】");
    const missing = govdesk("search", "无此库", "盘点");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：找不到知识库/);
    expect(govdesk("search", "政策", "盘点", "--k", "0").code).toBe(2);
    expect(govdesk("kb", "rm", "政策").code).toBe(0);
    expect(JSON.parse(govdesk("kb", "list", "--json").stdout).bases).toEqual([]);
  });

  it("kb reextract: a job with a summary (nothing to do on an index made by this extractor)", () => {
    const re = govdesk("kb", "reextract", "--json");
    expect(re.code, re.stderr).toBe(0);
    expect(JSON.parse(re.stdout)).toMatchObject({ total: 0, reextracted: 0, failed: [] });
    expect(govdesk("kb", "reextract").stdout).toContain("无需重新提取");
  }, 60_000);

  it("kb add exits 0 when nothing failed, 1 when every file failed", () => {
    expect(govdesk("kb", "create", "制度").code).toBe(0);
    expect(govdesk("kb", "add", "制度", join(dir, "通知 甲.txt")).code).toBe(0);
    const allBad = govdesk("kb", "add", "制度", join(dir, "坏.pdf"));
    expect(allBad.code).toBe(1);
    expect(allBad.stdout).toMatch(/失败 1/);
  }, 120_000); // three CLI runs, each starting a core
});
