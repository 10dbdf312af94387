import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../../core/testing/temp-dir";

/** `govdesk draft` and `govdesk check` as a user runs them (the built CLI). */
const BIN = join(import.meta.dirname, "../../../../bin/govdesk.mjs");
let dir: string;
let cleanup: () => void;

function govdesk(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, GOVDESK_DATA_DIR: join(dir, "data") }, timeout: 120_000 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number }) | null;
      resolve({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => ({ dir, cleanup } = tempDir("govdesk-cli-draft-")));
afterAll(() => cleanup());

describe("govdesk draft", () => {
  it("--list-kinds --json lists the 15 kinds with their elements", async () => {
    const r = await govdesk("draft", "--list-kinds", "--json");
    expect(r.code).toBe(0);
    const { kinds } = JSON.parse(r.stdout) as { kinds: { kind: string; elements: { element: string; use: string }[] }[] };
    expect(kinds.map((k) => k.kind)).toEqual(["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要"]);
    expect(kinds.find((k) => k.kind === "请示")!.elements.find((e) => e.element === "签发人")!.use).toBe("required");
  }, 60_000);

  it("--spec --out --json writes the DOCX and prints {path, kind, pages, findings}", async () => {
    writeFileSync(
      join(dir, "spec.json"),
      JSON.stringify({ kind: "通知", issuer: "XX市人民政府办公室", number: "X政办发[2025]8号", subject: "加强办公用品采购管理", to: "各区人民政府，市政府各部门", body: "一、严格采购审批\n各单位采购办公用品须经分管领导审批。", date: "2025-03-15" }),
    );
    const r = await govdesk("draft", "--spec", "spec.json", "--out", "d.docx", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { path: string; kind: string; pages: number; findings: { rule: string; suggestion: string | null }[] };
    expect(Object.keys(j).sort()).toEqual(["findings", "kind", "pages", "path"]);
    expect(j).toMatchObject({ path: join(dir, "d.docx"), kind: "通知", pages: 1 });
    expect(j.findings).toContainEqual(expect.objectContaining({ rule: "number.form", suggestion: "X政办发〔2025〕8号" }));
    expect(readFileSync(j.path).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it("refuses a bad spec, a missing body without 要点, and 要点 without a model, each in one Chinese line", async () => {
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ kind: "报表", issuer: "X" }));
    writeFileSync(join(dir, "empty.json"), JSON.stringify({ kind: "通知", issuer: "X" }));
    writeFileSync(join(dir, "points.json"), JSON.stringify({ kind: "通知", issuer: "X", points: "加强管理" }));
    const [bad, empty, points] = await Promise.all([
      govdesk("draft", "--spec", "bad.json", "--out", "x.docx"),
      govdesk("draft", "--spec", "empty.json", "--out", "x.docx"),
      govdesk("draft", "--spec", "points.json", "--out", "x.docx"),
    ]);
    expect([bad.code, empty.code, points.code]).toEqual([2, 2, 1]);
    expect(bad.stderr).toMatch(/文种应为以下之一/);
    expect(empty.stderr).toMatch(/没有正文/);
    expect(points.stderr).toMatch(/没有可用的模型/);
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
  }, 90_000);
});

describe("govdesk check", () => {
  it("--json prints {findings: [{rule, severity, message, excerpt, offset, suggestion}], stats}; --fix writes the corrected copy", async () => {
    writeFileSync(join(dir, "bad.txt"), "关于加强采购管理的通知。\nX政办发[2025]8号\n截止目前，各单位须审批。\n");
    const r = await govdesk("check", "bad.txt", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { findings: Record<string, unknown>[]; stats: { errors: number } };
    expect(j.findings.length).toBeGreaterThan(0);
    for (const f of j.findings) expect(Object.keys(f).sort()).toEqual(["excerpt", "message", "offset", "rule", "severity", "suggestion"]);
    expect(j.stats.errors).toBeGreaterThanOrEqual(2);
    const fixed = await govdesk("check", "bad.txt", "--fix", "fixed.txt");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/已修正 3 处/);
    expect(readFileSync(join(dir, "fixed.txt"), "utf8")).toBe("关于加强采购管理的通知\nX政办发〔2025〕8号\n截至目前，各单位须审批。\n");
  }, 90_000);

  it("fails cleanly for a missing file", async () => {
    const r = await govdesk("check", "nope.docx");
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^错误：/);
  }, 60_000);
});
