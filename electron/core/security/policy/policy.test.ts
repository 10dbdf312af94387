import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../common/settings";
import { tempDir } from "../../testing/temp-dir";
import { effectiveSettings, lockedKeys, lockedKeysIn } from "./effective";
import { loadPolicy, NO_POLICY } from "./load-policy";
import { defaultPolicyPath, resolvePolicyPath } from "./paths";
import { exportRefusal, fileSizeRefusal, hostRefusal, modelRefusal, pageCountRefusal, remoteModelRefusal } from "./rules";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const SHA = "a".repeat(64);
const FULL_POLICY = {
  version: 1,
  models: { allowedSha256: [SHA], sharedFolder: "/srv/govdesk/models" },
  remote: { allowedHosts: ["llm.intranet.gov.cn", "10.1.2.3:8000"], redact: true },
  knowledgePacks: { folder: "/srv/govdesk/packs" },
  exports: { disabled: true, redact: true },
  limits: { maxFileSizeMb: 50, maxPages: 500, maxParserMemoryMb: 1024 },
  audit: { logQuestions: true, retentionDays: 180, maxFileSizeMb: 4 },
  lockedSettings: { language: "zh-CN", threads: 4 },
  lockReason: "由信息中心统一配置",
};

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("policy paths", () => {
  it("per platform, with overrides", () => {
    expect(defaultPolicyPath({ platform: "linux", env: {} })).toBe("/etc/govdesk/policy.json");
    expect(defaultPolicyPath({ platform: "darwin", env: {} })).toBe("/Library/Application Support/GovDesk/policy.json");
    expect(defaultPolicyPath({ platform: "win32", env: { ProgramData: "D:\\PD" } })).toBe("D:\\PD\\GovDesk\\policy.json");
    expect(defaultPolicyPath({ platform: "win32", env: {} })).toBe("C:\\ProgramData\\GovDesk\\policy.json");
    expect(resolvePolicyPath(undefined, { platform: "linux", env: { GOVDESK_POLICY: "/x.json" } })).toEqual({ path: "/x.json", explicit: true });
    expect(resolvePolicyPath("/y.json", { platform: "linux", env: { GOVDESK_POLICY: "/x.json" } })).toEqual({ path: "/y.json", explicit: true });
    expect(resolvePolicyPath(undefined, { platform: "linux", env: {} })).toEqual({ path: "/etc/govdesk/policy.json", explicit: false });
  });
});

describe("loadPolicy", () => {
  it("reads a policy with every key", () => {
    const r = loadPolicy(write("p.json", FULL_POLICY));
    expect(r).toMatchObject({ ok: true, exists: true });
    if (!r.ok) return;
    expect(r.policy.models.allowedSha256).toEqual([SHA]);
    expect(r.policy.audit).toEqual({ logQuestions: true, retentionDays: 180, maxFileSizeMb: 4 });
  });

  it("an empty object is a valid policy that restricts nothing, and locks no setting", () => {
    const r = loadPolicy(write("p.json", {}));
    expect(r).toMatchObject({ ok: true, policy: NO_POLICY });
    expect(NO_POLICY.lockedSettings).toEqual({});
    expect(NO_POLICY.audit.logQuestions).toBe(false);
  });

  it("accepts a UTF-8 BOM (Notepad writes one)", () => {
    expect(loadPolicy(write("p.json", `\uFEFF${JSON.stringify({ exports: { disabled: true } })}`)).ok).toBe(true);
  });

  it.each([
    ["an unknown top-level key", { exportsDisabled: true }, /不认识的键 exportsDisabled/],
    ["an unknown nested key", { audit: { logQuestion: true } }, /audit：不认识的键 logQuestion/],
    ["a bad sha256", { models: { allowedSha256: ["abc"] } }, /models\.allowedSha256\.0：应为 64 位十六进制 sha256/],
    ["a wrong type", { exports: { disabled: "yes" } }, /exports\.disabled：类型应为 boolean/],
    ["a URL where a host is expected", { remote: { allowedHosts: ["http://x/"] } }, /remote\.allowedHosts\.0/],
    ["an unknown locked setting", { lockedSettings: { colour: "red" } }, /没有名为 colour 的设置项/],
    ["a bad locked value", { lockedSettings: { language: "fr" } }, /设置项 language 的取值 "fr" 无效/],
    ["broken JSON", "{ not json", /不是有效的 JSON/],
    ["a parser memory cap too low to load the parsers", { limits: { maxParserMemoryMb: 64 } }, /limits\.maxParserMemoryMb/],
  ])("%s is an error naming the file and the problem", (_name, content, message) => {
    const path = write("bad.json", content);
    const r = loadPolicy(path);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(path);
    expect(r.error).toMatch(/GovDesk 已锁定/);
    expect(r.error).toMatch(message);
  });

  it("a missing file at an explicit path is an error; at the default path it means no policy", () => {
    const r = loadPolicy(join(dir, "nope.json"));
    expect(r).toMatchObject({ ok: false, issues: ["文件不存在"] });
  });
});

describe("effective settings", () => {
  it("locked values win over the user's, and are listed with the reason", () => {
    const policy = loadPolicy(write("p.json", FULL_POLICY));
    if (!policy.ok) throw new Error(policy.error);
    const user = { ...DEFAULT_SETTINGS, language: "en" as const, theme: "dark" as const, threads: 2 as const };
    expect(effectiveSettings(user, policy.policy)).toEqual({ ...user, language: "zh-CN", threads: 4 });
    expect(lockedKeys(policy.policy)).toEqual([
      { key: "language", value: "zh-CN", reason: "由信息中心统一配置" },
      { key: "threads", value: 4, reason: "由信息中心统一配置" },
    ]);
    expect(lockedKeysIn({ theme: "light", threads: 8 }, policy.policy)).toEqual(["threads"]);
    // The settings form sends every field: a locked key at its locked value is no change.
    expect(lockedKeysIn({ language: "zh-CN", theme: "light", threads: 4 }, policy.policy)).toEqual([]);
    expect(effectiveSettings(user, NO_POLICY)).toEqual(user);
  });
});

describe("rules", () => {
  const load = () => {
    const r = loadPolicy(write("p.json", FULL_POLICY));
    if (!r.ok) throw new Error(r.error);
    return r.policy;
  };

  it("models: only pinned sha256 when a list is given", () => {
    expect(modelRefusal(load(), SHA.toUpperCase())).toBeNull();
    expect(modelRefusal(load(), "b".repeat(64))).toMatch(/不在允许列表中/);
    expect(modelRefusal(NO_POLICY, "b".repeat(64))).toBeNull();
  });

  it("hosts: loopback always, listed intranet hosts (and ports), nothing else", () => {
    const p = load();
    expect(hostRefusal(p, "127.0.0.1", 80)).toBeNull();
    expect(hostRefusal(p, "::1")).toBeNull();
    expect(hostRefusal(p, "localhost", 9)).toBeNull();
    expect(hostRefusal(p, "LLM.intranet.gov.cn", 443)).toBeNull();
    expect(hostRefusal(p, "10.1.2.3", 8000)).toBeNull();
    expect(hostRefusal(p, "10.1.2.3", 8001)).toMatch(/不允许连接 10\.1\.2\.3:8001/);
    expect(hostRefusal(p, "example.com", 443)).toMatch(/不允许连接/);
  });

  it("the intranet model server: a listed host only, loopback included; http(s) without credentials", () => {
    const p = load();
    expect(remoteModelRefusal(p, "")).toBeNull(); // not used
    expect(remoteModelRefusal(p, "http://10.1.2.3:8000/v1")).toBeNull();
    expect(remoteModelRefusal(p, "https://llm.intranet.gov.cn/v1")).toBeNull();
    expect(remoteModelRefusal(p, "http://10.1.2.3:8001/v1")).toMatch(/不允许使用内网模型服务器 10\.1\.2\.3:8001/);
    expect(remoteModelRefusal(p, "https://api.openai.com/v1")).toMatch(/api\.openai\.com:443.*remote\.allowedHosts/);
    expect(remoteModelRefusal(p, "http://127.0.0.1:9/v1")).toMatch(/不允许使用内网模型服务器 127\.0\.0\.1:9/);
    expect(remoteModelRefusal(p, "http://localhost:11434/v1")).toMatch(/不允许/);
    expect(remoteModelRefusal(NO_POLICY, "http://10.1.2.3:8000/v1")).toMatch(/目前没有列出任何主机/);
    expect(remoteModelRefusal(p, "file:///etc/passwd")).toMatch(/只能以 http:\/\/ 或 https:\/\/ 开头/);
    expect(remoteModelRefusal(p, "http://u:p@10.1.2.3:8000/v1")).toMatch(/不能包含用户名或密码/);
    expect(remoteModelRefusal(p, "not a url")).toMatch(/地址无效/);
  });

  it("exports and limits", () => {
    const p = load();
    expect(exportRefusal(p)).toBe("管理策略已禁止导出");
    expect(exportRefusal(NO_POLICY)).toBeNull();
    expect(fileSizeRefusal(p, 10 * 1024 * 1024)).toBeNull();
    expect(fileSizeRefusal(p, 51 * 1024 * 1024)).toMatch(/超过管理策略的上限 50 MB/);
    expect(pageCountRefusal(p, 501)).toMatch(/501/);
    expect(pageCountRefusal(NO_POLICY, 10_000)).toBeNull();
  });
});
