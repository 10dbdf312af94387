import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PolicyStatus } from "../../../common/contracts/policy";
import { AuditVerifyResult } from "../../../common/contracts/security";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { tempDir } from "../../../core/testing/temp-dir";

/** The real `govdesk` launcher, as IT would run it. */
const BIN = join(import.meta.dirname, "../../../../bin/govdesk.mjs");
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function govdesk(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, "--data-dir", join(dir, "data"), ...args], {
    encoding: "utf8",
    env: { ...process.env, GOVDESK_DATA_DIR: "", GOVDESK_POLICY: join(dir, "no-policy.json"), ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function policyFile(content: unknown): string {
  const path = join(dir, "policy.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("govdesk policy", () => {
  it("check: a valid file exits 0; an invalid one exits 1 naming the file and the key", () => {
    const good = policyFile({ exports: { disabled: true } });
    expect(govdesk(["policy", "check", good])).toMatchObject({ code: 0, stdout: `策略文件有效：${good}\n` });
    const bad = policyFile({ exports: { disabled: true, colour: 1 } });
    const r = govdesk(["policy", "check", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^错误：管理策略文件 ${bad} 无效，GovDesk 已锁定.*exports：不认识的键 colour`));
  });

  it("show --json with --policy, and the lock-down state for an invalid file", () => {
    const path = policyFile({ lockedSettings: { theme: "dark" }, remote: { allowedHosts: ["10.0.0.5:8000"] } });
    const r = govdesk(["policy", "show", "--json", "--policy", path]);
    expect(r.code, r.stderr).toBe(0);
    expect(PolicyStatus.parse(JSON.parse(r.stdout))).toMatchObject({ ok: true, exists: true, locked: [{ key: "theme", value: "dark" }] });
    const text = govdesk(["policy", "show", "--policy", path]);
    expect(text.stdout).toContain("允许的内网主机：10.0.0.5:8000");
    policyFile("{");
    const bad = govdesk(["policy", "show", "--policy", path]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("状态：无效，GovDesk 处于锁定状态");
    expect(bad.stderr).toContain(path);
  });
});

describe("policy pins models", () => {
  it("importing a model whose sha256 is not pinned is refused with the reason; the pinned one imports", async () => {
    const model = await ensureTestModel();
    const sha = createHash("sha256").update(readFileSync(model)).digest("hex");
    const path = policyFile({ models: { allowedSha256: ["a".repeat(64)] } });
    const refused = govdesk(["models", "import", model], { GOVDESK_POLICY: path });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/管理策略只允许使用指定的模型.*不在允许列表中/);
    policyFile({ models: { allowedSha256: [sha] } });
    const ok = govdesk(["models", "import", model], { GOVDESK_POLICY: path });
    expect(ok.code, ok.stderr).toBe(0);
  }, 120_000);
});

describe("govdesk audit", () => {
  it("verify on an empty log exits 0; after tampering exits 1 and names the line", () => {
    expect(govdesk(["audit", "verify"])).toMatchObject({ code: 0, stdout: expect.stringContaining("校验通过") });
    // Each run starts a core that records policy.load, then the export: 4 entries.
    expect(govdesk(["audit", "export", join(dir, "a.jsonl")]).code).toBe(0);
    expect(govdesk(["audit", "export", join(dir, "b.jsonl")]).stdout).toMatch(/已导出 3 条记录.*（校验通过）/);
    const ok = govdesk(["audit", "verify", "--json"]);
    expect(ok.code).toBe(0);
    expect(AuditVerifyResult.parse(JSON.parse(ok.stdout))).toMatchObject({ ok: true, entries: 4 });

    const auditDir = join(dir, "data", "audit");
    const file = readdirSync(auditDir).find((f) => f.endsWith(".jsonl"))!;
    const lines = readFileSync(join(auditDir, file), "utf8").trim().split("\n");
    writeFileSync(join(auditDir, file), `${[lines[0], lines[2], lines[3]].join("\n")}\n`);
    const bad = govdesk(["audit", "verify"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`[被删除] ${file} 第 2 行之前有 1 条记录被删除`);
    expect(bad.stderr).toMatch(/^错误：审计日志校验失败：发现 1 处问题/);
    const json = AuditVerifyResult.parse(JSON.parse(govdesk(["audit", "verify", "--json"]).stdout));
    expect(json.issues).toEqual([expect.objectContaining({ kind: "deleted", file, line: 2 })]);
  }, 120_000); // six CLI runs, each starting a core

  it("list shows entries newest first; export refuses to overwrite a file", () => {
    const out = join(dir, "out.jsonl");
    expect(govdesk(["audit", "export", out]).code).toBe(0);
    const again = govdesk(["audit", "export", out]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("文件已存在") });
    const list = govdesk(["audit", "list", "--limit", "1"]);
    expect(list.stdout).toMatch(/^#\d+\s+\S+\s+\S+\s+audit\.export\s+audit/);
    expect(govdesk(["audit", "list", "--type", "bogus"])).toMatchObject({ code: 2, stderr: expect.stringContaining("未知的事件类型：bogus") });
  }, 90_000); // four CLI runs, each starting a core
});
