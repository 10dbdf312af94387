import { describe, expect, it } from "vitest";
import { Policy } from "../../../../electron/common/contracts/policy";
import { policyRows, settingLabel, showValue } from "./policy-rows";

describe("policyRows", () => {
  it("an empty policy reads as unrestricted", () => {
    const rows = Object.fromEntries(policyRows(Policy.parse({})).map((r) => [r.id, r.value]));
    expect(rows["models"]).toEqual({ key: "admin.policy.anyModel" });
    expect(rows["hosts"]).toEqual({ key: "admin.policy.onlyLoopback" });
    expect(rows["maxFileSize"]).toEqual({ key: "admin.unlimited" });
    expect(rows["parserMemory"]).toEqual({ key: "admin.policy.parserMemoryDefault" });
    expect(rows["retention"]).toEqual({ key: "admin.policy.days", values: { value: 365 } });
  });

  it("shows what the policy sets", () => {
    const p = Policy.parse({
      models: { allowedSha256: ["a".repeat(64)] },
      remote: { allowedHosts: ["10.0.0.1:8000"] },
      exports: { disabled: true },
      limits: { maxFileSizeMb: 20, maxPages: 300, maxParserMemoryMb: 1024 },
      audit: { syslog: "10.0.0.2:514" },
      developer: { devtools: true },
    });
    const rows = Object.fromEntries(policyRows(p).map((r) => [r.id, r.value]));
    expect(rows["models"]).toEqual({ text: "a".repeat(64) });
    expect(rows["hosts"]).toEqual({ text: "10.0.0.1:8000" });
    expect(rows["exportsDisabled"]).toEqual({ key: "admin.yes" });
    expect(rows["maxFileSize"]).toEqual({ key: "admin.policy.megabytes", values: { value: 20 } });
    expect(rows["maxPages"]).toEqual({ text: "300" });
    expect(rows["parserMemory"]).toEqual({ key: "admin.policy.megabytes", values: { value: 1024 } });
    expect(rows["syslog"]).toEqual({ text: "10.0.0.2:514" });
    expect(rows["devtools"]).toEqual({ key: "admin.yes" });
    expect(rows["redactHeuristic"]).toEqual({ key: "admin.no" });
    expect(showValue("dark")).toBe("dark");
    expect(showValue(4)).toBe("4");
    expect(settingLabel("theme")).toEqual({ key: "settings.theme" });
    expect(settingLabel("future")).toEqual({ text: "future" });
    expect(settingLabel("constructor")).toEqual({ text: "constructor" });
  });
});
