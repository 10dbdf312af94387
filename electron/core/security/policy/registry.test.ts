import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { Policy } from "../../../common/contracts/policy";
import { tempDir } from "../../testing/temp-dir";
import { combinePolicy, loadPolicy, NO_POLICY, readPolicyFile } from "./load-policy";
import { decodeRegOutput, parseRegQuery, relativeRegKey } from "./reg-output";
import { mapRegistryValues, REGISTRY_KEY, REGISTRY_VALUES } from "./registry-mapping";
import { readRegistryPolicy, registryLayerFromOutput, REG_QUERY_ARGS, type RegRun, type RunReg } from "./registry-policy";
import { ACCESS_DENIED, EMPTY_KEY_OUTPUT, FULL_OUTPUT, NOT_FOUND_EN, NOT_FOUND_ZH, outputOf, SHA_A, SHA_B } from "./registry-samples";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const ENV = { ProgramData: "C:\\ProgramData" };
const ok = (stdout: string): RegRun => ({ status: 0, stdout, stderr: "" });
const layer = (stdout: string) => registryLayerFromOutput(stdout, ENV);

/** A reg runner that answers `run` and remembers what it was asked. */
function fakeReg(run: RegRun): RunReg & { calls: (readonly string[])[] } {
  const calls: (readonly string[])[] = [];
  return Object.assign((args: readonly string[]) => (calls.push(args), run), { calls });
}

describe("parseRegQuery", () => {
  it("reads each value type from CRLF output, Chinese included", () => {
    const { keys, values } = parseRegQuery(FULL_OUTPUT);
    expect(keys).toHaveLength(9);
    const get = (key: string, name: string) => values.find((v) => v.key.endsWith(key) && v.name === name);
    expect(get("GovDesk", "lockReason")).toMatchObject({ type: "REG_SZ", data: "由市信息中心统一配置，如需调整请致电 12345" });
    expect(get("limits", "maxPages")).toMatchObject({ type: "REG_DWORD", data: 2000 });
    expect(get("models", "allowedSha256")).toMatchObject({ type: "REG_MULTI_SZ", data: [SHA_A, SHA_B] });
    expect(get("models", "sharedFolder")).toMatchObject({ type: "REG_EXPAND_SZ", data: "%ProgramData%\\GovDesk\\模型" });
    expect(get("allowedHosts", "10")).toMatchObject({ key: "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\remote\\allowedHosts", data: "10.1.2.4" });
    expect(values.every((v) => !/\r/.test(JSON.stringify(v.data)))).toBe(true);
  });

  it("empty data, QWORD, names with spaces, and other types kept as printed", () => {
    const { values } = parseRegQuery(
      outputOf("", "empty    REG_SZ    ", "bare    REG_SZ", "big    REG_QWORD    0x100000000", "none    REG_MULTI_SZ    ", "my name    REG_BINARY    0A0B", "(默认)    REG_SZ    x"),
    );
    expect(values.map((v) => [v.name, v.data])).toEqual([
      ["empty", ""],
      ["bare", ""],
      ["big", 2 ** 32],
      ["none", []],
      ["my name", "0A0B"],
      ["(默认)", "x"],
    ]);
  });

  it("reg's output in the Chinese code page (GBK) and in UTF-16 is decoded", () => {
    const gbk = Uint8Array.from([0xd0, 0xc5, 0xcf, 0xa2, 0xd6, 0xd0, 0xd0, 0xc4]); // 信息中心
    expect(decodeRegOutput(gbk)).toBe("信息中心");
    expect(decodeRegOutput(new TextEncoder().encode("信息中心\r\n"))).toBe("信息中心\r\n");
    expect(decodeRegOutput(Uint8Array.from([0xff, 0xfe, ...Buffer.from("中", "utf16le")]))).toBe("中");
  });

  it("keys compare case-insensitively, HKLM or HKEY_LOCAL_MACHINE", () => {
    expect(relativeRegKey("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\govdesk\\Exports", REGISTRY_KEY)).toBe("Exports");
    expect(relativeRegKey("HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk", REGISTRY_KEY)).toBe("");
    expect(relativeRegKey("HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDeskX", REGISTRY_KEY)).toBeNull();
  });
});

describe("mapping onto the policy", () => {
  it("covers every key of the schema", () => {
    const leaves = Object.entries(Policy.unwrap().shape).flatMap(([key, schema]) => {
      if (key === "lockedSettings") return [];
      const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
      return inner instanceof z.ZodObject ? Object.keys(inner.shape).map((sub) => `${key}\\${sub}`) : [key];
    });
    expect(Object.keys(REGISTRY_VALUES).sort()).toEqual(leaves.sort());
  });

  it("the full sample: single values over PolicyJson, lists, expanded paths, typed locked settings", () => {
    const l = layer(FULL_OUTPUT);
    expect(l.state).toBe("ok");
    if (l.state !== "ok") return;
    const p = Policy.parse(l.input);
    expect(p.exports).toEqual({ disabled: true, redact: true });
    expect(p.audit).toEqual({ logQuestions: true, retentionDays: 180, maxFileSizeMb: 0.5 });
    expect(p.limits).toEqual({ maxFileSizeMb: 200, maxPages: 2000 });
    expect(p.models).toEqual({ allowedSha256: [SHA_A, SHA_B], sharedFolder: "C:\\ProgramData\\GovDesk\\模型" });
    expect(p.remote).toEqual({ allowedHosts: ["llm.intranet.gov.cn", "10.1.2.3:8000", "10.1.2.4"], redact: true });
    expect(p.knowledgePacks.folder).toBe("\\\\fileserver\\政务\\知识包");
    expect(p.lockedSettings).toEqual({ language: "zh-CN", threads: 4, fontScale: 115 });
    expect(p.lockReason).toMatch(/^由市信息中心/);
    expect(l.origins).toMatchObject({
      "exports.disabled": `${REGISTRY_KEY}\\exports\\disabled`,
      "exports.redact": `${REGISTRY_KEY}\\PolicyJson`,
      "remote.allowedHosts": `${REGISTRY_KEY}\\remote\\allowedHosts`,
      "lockedSettings.threads": `${REGISTRY_KEY}\\lockedSettings\\threads`,
    });
  });

  it.each([
    ["a boolean as REG_SZ", outputOf("exports", "disabled    REG_SZ    yes"), /GovDesk\\exports\\disabled：应为 REG_DWORD 0 或 1，实际是 REG_SZ "yes"/],
    ["a boolean DWORD other than 0/1", outputOf("exports", "disabled    REG_DWORD    0x2"), /GovDesk\\exports\\disabled：应为 REG_DWORD 0 或 1/],
    ["a list as REG_SZ", outputOf("remote", "allowedHosts    REG_SZ    a.b"), /GovDesk\\remote\\allowedHosts：应为 REG_MULTI_SZ/],
    ["a bad sha256 in a list", outputOf("models", "allowedSha256    REG_MULTI_SZ    abc"), /GovDesk\\models\\allowedSha256：models\.allowedSha256\.0：应为 64 位十六进制 sha256/],
    ["a number out of range", outputOf("audit", "retentionDays    REG_DWORD    0x0"), /GovDesk\\audit\\retentionDays：audit\.retentionDays：不能小于 1/],
    ["an unknown value", outputOf("exports", "disable    REG_DWORD    0x1"), /GovDesk\\exports\\disable：不认识的值/],
    ["an unknown locked setting", outputOf("lockedSettings", "colour    REG_SZ    red"), /GovDesk\\lockedSettings\\colour：.*没有名为 colour 的设置项/],
    ["a bad locked value", outputOf("lockedSettings", "language    REG_SZ    fr"), /GovDesk\\lockedSettings\\language：.*设置项 language 的取值 "fr" 无效/],
    ["PolicyJson that is not JSON", outputOf("", "PolicyJson    REG_SZ    {oops"), /GovDesk\\PolicyJson：不是有效的 JSON/],
    ["PolicyJson with an unknown key", outputOf("", 'PolicyJson    REG_SZ    {"exportsDisabled":true}'), /GovDesk\\PolicyJson：（顶层）：不认识的键 exportsDisabled/],
  ])("%s is an issue naming the registry value", (_name, output, message) => {
    const l = layer(output);
    expect(l.state).toBe("invalid");
    if (l.state !== "invalid") return;
    expect(l.issues.join("\n")).toMatch(message);
  });

  it("names match case-insensitively; a list may not be both a value and a subkey", () => {
    const m = mapRegistryValues(parseRegQuery(outputOf("EXPORTS", "Disabled    REG_DWORD    0x1")).values);
    expect(m).toMatchObject({ values: { exports: { disabled: true } }, issues: [] });
    const both = layer(outputOf("remote", `allowedHosts    REG_MULTI_SZ    a.b`) + outputOf("remote\\allowedHosts", "1    REG_SZ    c.d"));
    expect(both).toMatchObject({ state: "invalid", issues: [expect.stringMatching(/既有同名的 REG_MULTI_SZ 值又有同名子项/)] });
  });
});

describe("registry and file together", () => {
  const FILE_POLICY = { exports: { disabled: false, redact: true }, limits: { maxPages: 10 }, lockedSettings: { theme: "dark" } };
  const file = () => {
    const path = join(dir, "policy.json");
    writeFileSync(path, JSON.stringify(FILE_POLICY));
    return readPolicyFile(path, false);
  };

  it("the registry overrides the same keys of the file; the file's other keys stay", () => {
    const r = combinePolicy(file(), layer(outputOf("exports", "disabled    REG_DWORD    0x1") + outputOf("lockedSettings", "threads    REG_DWORD    0x2")));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.exports).toEqual({ disabled: true, redact: true });
    expect(r.policy.limits.maxPages).toBe(10);
    expect(r.policy.lockedSettings).toEqual({ theme: "dark", threads: 2 });
    expect(r.sources).toEqual([join(dir, "policy.json"), REGISTRY_KEY]);
    expect(r.origins["exports.disabled"]).toBe(`${REGISTRY_KEY}\\exports\\disabled`);
    expect(r.origins["exports.redact"]).toBe(join(dir, "policy.json"));
  });

  it("an invalid registry value locks the app, naming the value, even with a valid file", () => {
    const r = combinePolicy(file(), layer(outputOf("limits", "maxPages    REG_SZ    很多")));
    expect(r).toMatchObject({ ok: false, sources: [join(dir, "policy.json"), REGISTRY_KEY] });
    if (r.ok) return;
    expect(r.error).toMatch(/GovDesk 已锁定/);
    expect(r.error).toContain(`${REGISTRY_KEY}\\limits\\maxPages：应为 REG_DWORD`);
  });

  it("key absent: the file alone", () => {
    const r = combinePolicy(file(), readRegistryPolicy(fakeReg(NOT_FOUND_EN)));
    expect(r).toMatchObject({ ok: true, exists: true, sources: [join(dir, "policy.json")] });
    if (r.ok) expect(r.policy.exports.disabled).toBe(false);
  });
});

describe("loadPolicy on Windows", () => {
  const win = (run: RunReg) => ({ platform: "win32" as const, env: ENV, runReg: run });

  it("reads the key with reg query /s; registry only, no file", () => {
    const reg = fakeReg(ok(FULL_OUTPUT));
    const r = loadPolicy(undefined, win(reg));
    expect(reg.calls).toEqual([REG_QUERY_ARGS]);
    expect(REG_QUERY_ARGS).toEqual(["query", "HKLM\\Software\\Policies\\GovDesk", "/s"]);
    expect(r).toMatchObject({ ok: true, exists: true, sources: [REGISTRY_KEY], policy: { exports: { disabled: true } } });
  });

  it.each([
    ["not found (English)", NOT_FOUND_EN],
    ["not found (Chinese)", NOT_FOUND_ZH],
    ["an empty key", ok(EMPTY_KEY_OUTPUT)],
  ])("%s: no registry policy", (_name, run) => {
    expect(loadPolicy(undefined, win(fakeReg(run)))).toMatchObject({ ok: true, exists: false, sources: [], policy: NO_POLICY });
  });

  it.each([
    ["reg.exe missing", { status: null, stdout: "", stderr: "", error: "找不到 C:\\Windows\\System32\\reg.exe" }, /找不到 C:\\Windows\\System32\\reg\.exe/],
    ["access denied", ACCESS_DENIED, /reg\.exe 退出码 1：ERROR: Access is denied\./],
  ])("%s locks the app with a clear message", (_name, run, message) => {
    const r = loadPolicy(undefined, win(fakeReg(run)));
    expect(r).toMatchObject({ ok: false, sources: [REGISTRY_KEY] });
    if (r.ok) return;
    expect(r.error).toMatch(message);
    expect(r.error).toMatch(/无法读取组策略 HKLM\\Software\\Policies\\GovDesk.*GovDesk 已锁定/);
  });

  it("an explicit policy file (tests, --policy, GOVDESK_POLICY) or another platform: the registry is not read", () => {
    const path = join(dir, "p.json");
    writeFileSync(path, "{}");
    const reg = fakeReg(ok(FULL_OUTPUT));
    expect(loadPolicy(path, win(reg))).toMatchObject({ ok: true, sources: [path], policy: NO_POLICY });
    expect(loadPolicy(undefined, { ...win(reg), env: { ...ENV, GOVDESK_POLICY: path } })).toMatchObject({ ok: true, sources: [path] });
    expect(loadPolicy(undefined, { platform: "linux", env: {}, runReg: reg })).toMatchObject({ ok: true });
    expect(reg.calls).toEqual([]);
  });
});
