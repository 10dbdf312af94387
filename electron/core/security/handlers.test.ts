import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../common/contract";
import { RpcError } from "../../common/rpc/wire";
import { createCore, type Core } from "../core";
import { connectInProcess } from "../rpc/in-process";
import { tempDir } from "../testing/temp-dir";
import { assertExportAllowed, assertModelAllowed, assertSettingsPatchAllowed, audit, devtoolsAllowed, fileLimitRefusal, policySettings, redactForExport, redactForRemote, requirePolicy } from "./services";

let dir: string;
let cleanup: () => void;
let core: Core | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(async () => {
  await core?.close();
  core = null;
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

function open(policy?: unknown) {
  if (policy !== undefined) {
    const path = join(dir, "policy.json");
    writeFileSync(path, typeof policy === "string" ? policy : JSON.stringify(policy));
    process.env["GOVDESK_POLICY"] = path;
  } else process.env["GOVDESK_POLICY"] = join(dir, "none", "policy.json");
  core = createCore({ dataDir: join(dir, "data"), host: "test" });
  return connectInProcess(contract, core.router);
}

/** The services the handlers get, for the helper functions. */
const services = (c: Core) => c.services;

describe("policy.get", () => {
  it("answers the policy, and which settings are locked and why", async () => {
    const client = open({ lockedSettings: { theme: "dark" }, lockReason: "信息中心统一设置", exports: { disabled: true } });
    const r = await client.call("policy.get", {});
    expect(r).toMatchObject({ ok: true, exists: true, locked: [{ key: "theme", value: "dark", reason: "信息中心统一设置" }] });
    if (r.ok) expect(r.policy.exports.disabled).toBe(true);
  });

  it("an invalid policy answers the lock-down message naming the file, and the guards refuse", async () => {
    const client = open({ models: { allowed: [] } });
    const r = await client.call("policy.get", {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(join(dir, "policy.json"));
    expect(r.error).toMatch(/不认识的键 allowed/);
    const s = services(core!);
    expect(() => requirePolicy(s)).toThrow(RpcError);
    expect(() => assertModelAllowed(s, "a".repeat(64))).toThrow(/GovDesk 已锁定/);
  });

  it("a GOVDESK_POLICY that points nowhere is an error too (never silently ignored)", async () => {
    process.env["GOVDESK_POLICY"] = join(dir, "missing.json");
    core = createCore({ dataDir: join(dir, "data"), host: "test" });
    const r = await connectInProcess(contract, core.router).call("policy.get", {});
    expect(r).toMatchObject({ ok: false, issues: ["文件不存在"] });
  });

  it("settings helpers: locked values win, and a patch touching a locked key is refused with the reason", async () => {
    const client = open({ lockedSettings: { theme: "dark" }, lockReason: "信息中心统一设置" });
    const s = services(core!);
    const user = await client.call("settings.get", {});
    expect(policySettings(s, { ...user, theme: "light" }).theme).toBe("dark");
    expect(() => assertSettingsPatchAllowed(s, { fontScale: 115 })).not.toThrow();
    expect(() => assertSettingsPatchAllowed(s, { theme: "light" })).toThrow("设置项 theme 已被管理员锁定：信息中心统一设置");
    // A one-key patch through the contract must not carry the other keys (it would touch the locked one).
    await client.call("settings.set", { language: "en" });
    expect(await client.call("settings.set", { fontScale: 115 })).toMatchObject({ language: "en", fontScale: 115 });
  });

  it("guards follow the policy", () => {
    open({ models: { allowedSha256: ["a".repeat(64)] }, exports: { disabled: true, redact: true }, limits: { maxFileSizeMb: 1, maxPages: 10 } });
    const s = services(core!);
    expect(fileLimitRefusal(s, { bytes: 1024 })).toBeNull();
    expect(fileLimitRefusal(s, { bytes: 2 * 1024 * 1024 })).toMatch(/超过管理策略的上限 1 MB/);
    expect(fileLimitRefusal(s, { bytes: 1024, pages: 11 })).toMatch(/页数 11 超过/);
    expect(redactForExport(s, "电话13812345678")).toBe("电话138****5678");
    expect(redactForRemote(s, "电话13812345678")).toBe("电话13812345678");
    expect(() => assertModelAllowed(s, "a".repeat(64))).not.toThrow();
    expect(() => assertModelAllowed(s, "b".repeat(64))).toThrow(/不在允许列表中/);
    expect(() => assertExportAllowed(s)).toThrow(/禁止导出/);
  });

  it("names and addresses are masked in exports only when redaction.heuristic is on", async () => {
    const text = "申请人张三，电话13812345678";
    open({ exports: { redact: true } });
    expect(redactForExport(services(core!), text)).toBe("申请人张三，电话138****5678");
    await core!.close();
    open({ exports: { redact: true }, redaction: { heuristic: true } });
    expect(redactForExport(services(core!), text)).toBe("申请人张*，电话138****5678");
  });
});

describe("audit calls", () => {
  it("a session's first record is preceded by policy.load; list, verify and export go through the contract", async () => {
    const client = open({ audit: { logQuestions: false } });
    audit(services(core!), { type: "ask", object: "kb:公文", question: "秘密问题" });
    const list = await client.call("audit.list", {});
    expect(list.entries.map((e) => e.type)).toEqual(["ask", "policy.load"]);
    expect(list.entries[1]!.object).toBe(join(dir, "policy.json"));
    expect(list.entries[1]!.detail?.["sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(list)).not.toContain("秘密问题");
    expect(await client.call("audit.verify", {})).toMatchObject({ ok: true, entries: 2 });
    const exported = await client.call("audit.export", {});
    expect(exported).toMatchObject({ entries: 2, verify: { ok: true }, fileName: expect.stringMatching(/^govdesk-audit-\d{4}-\d{2}-\d{2}\.jsonl$/) });
    expect(exported.content.trim().split("\n")).toHaveLength(2);
    expect((await client.call("audit.list", { type: "audit.export" })).total).toBe(1);
  });

  it("an invalid policy is recorded as policy.invalid", async () => {
    const client = open("{");
    services(core!).audit.recordPolicy();
    const list = await client.call("audit.list", {});
    expect(list.entries[0]).toMatchObject({ type: "policy.invalid", detail: { error: expect.stringMatching(/JSON/) } });
  });

  it("audit.list refuses a bad type", async () => {
    const client = open();
    await expect(client.call("audit.list", { type: "bogus" as "ask" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("redact.preview", () => {
  it("lists what will be masked and the masked text", async () => {
    const client = open();
    const r = await client.call("redact.preview", { text: "电话13812345678，档案110105194912310021" });
    expect(r.redacted).toBe("电话138****5678，档案110105194912310021");
    expect(r.spans).toEqual([{ kind: "mobile", start: 2, end: 13, text: "13812345678", masked: "138****5678" }]);
    const guessed = await client.call("redact.preview", { text: "申请人张三", kinds: ["name"] });
    expect(guessed.redacted).toBe("申请人张*");
  });
});

describe("developer.devtools", () => {
  it("is off without a policy, on only when the policy says so, off when the policy is invalid", async () => {
    open();
    expect(devtoolsAllowed(services(core!))).toBe(false);
    await core!.close();
    open({ developer: { devtools: true } });
    expect(devtoolsAllowed(services(core!))).toBe(true);
    await core!.close();
    open({ developer: { devtools: "yes" } });
    expect(devtoolsAllowed(services(core!))).toBe(false);
  });
});
