import { describe, expect, it } from "vitest";
import { NO_POLICY } from "../../../core/security/policy/load-policy";
import { formatPolicy } from "./policy";

const REG = "HKLM\\Software\\Policies\\GovDesk";
const policy = { ...NO_POLICY, exports: { disabled: true, redact: false }, limits: { maxPages: 10 }, lockedSettings: { theme: "dark" as const } };
const locked = [{ key: "theme", value: "dark", reason: "r" }];

describe("policy show text", () => {
  it("lists the file and the Group Policy key, and marks what the registry set", () => {
    const text = formatPolicy({
      ok: true,
      path: "C:\\ProgramData\\GovDesk\\policy.json",
      exists: true,
      policy,
      locked,
      sources: ["C:\\ProgramData\\GovDesk\\policy.json", REG],
      origins: { "exports.disabled": `${REG}\\exports\\disabled`, "limits.maxPages": "C:\\ProgramData\\GovDesk\\policy.json", "lockedSettings.theme": `${REG}\\lockedSettings\\theme` },
    });
    expect(text).toContain("策略文件：C:\\ProgramData\\GovDesk\\policy.json\n组策略：HKLM\\Software\\Policies\\GovDesk（其中设置的键优先于策略文件）\n");
    expect(text).toContain(`禁止导出：是（来自 ${REG}\\exports\\disabled）`);
    expect(text).toContain("页数上限：10\n");
    expect(text).toMatch(/每个文件的解析内存上限：默认（本机 \d+ MB）\n/);
    expect(text).toContain(`theme="dark"（来自 ${REG}\\lockedSettings\\theme）`);
  });

  it("registry only: the file is shown as missing; a file-only policy reads as before", () => {
    const regOnly = formatPolicy({ ok: true, path: "C:\\p.json", exists: true, policy, locked, sources: [REG], origins: {} });
    expect(regOnly).toMatch(/^策略文件：C:\\p\.json（不存在）\n组策略：/);
    const fileOnly = formatPolicy({ ok: true, path: "/etc/govdesk/policy.json", exists: true, policy, locked, sources: ["/etc/govdesk/policy.json"], origins: {} });
    expect(fileOnly).toMatch(/^策略文件：\/etc\/govdesk\/policy\.json\n状态：有效\n/);
    const bad = formatPolicy({ ok: false, path: "C:\\p.json", error: "e", issues: [`${REG}\\exports\\disabled：应为 REG_DWORD 0 或 1`], sources: [REG] });
    expect(bad).toContain(`组策略：${REG}`);
    expect(bad).toContain(`  - ${REG}\\exports\\disabled：应为 REG_DWORD 0 或 1`);
  });
});
