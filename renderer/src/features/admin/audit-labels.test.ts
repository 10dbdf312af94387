import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES } from "../../../../electron/common/contracts/security";
import { en } from "../../i18n/en";
import { zhCN } from "../../i18n/zh-CN";
import { DETAIL_KEYS, detailParts } from "./audit-labels";

describe("audit log labels", () => {
  it("names every event type in both languages (no raw codes like model.load in the table)", () => {
    for (const type of AUDIT_EVENT_TYPES) {
      expect(zhCN.admin.audit.types[type]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.admin.audit.types[type]).toBeTruthy();
    }
    expect(zhCN.admin.audit.types["model.load"]).toBe("加载模型");
    expect(zhCN.admin.audit.types["policy.load"]).toBe("读取管理策略");
  });

  it("names every detail key the core writes", () => {
    for (const key of DETAIL_KEYS) expect(zhCN.admin.audit.detailKeys[key]).toMatch(/[\u4e00-\u9fff]/);
    expect(detailParts({ method: "llm", citations: 2, custom: true })).toEqual([
      { key: "method", known: true, value: "llm" },
      { key: "citations", known: true, value: 2 },
      { key: "custom", known: false, value: true },
    ]);
  });
});
