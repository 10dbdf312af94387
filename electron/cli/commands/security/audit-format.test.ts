import { describe, expect, it } from "vitest";
import { formatVerify } from "./audit";

describe("formatVerify", () => {
  it("says earlier files were removed by retention only when the log verified (a retention record proves it)", () => {
    const base = { files: 2, entries: 10, firstSeq: 10, lastSeq: 19 };
    expect(formatVerify({ ...base, ok: true, issues: [] })).toContain("序号 10 之前的文件已按保留期限删除");
    const tampered = formatVerify({ ...base, ok: false, issues: [{ kind: "deleted", file: "audit-0000000010-20260110.jsonl", line: 1, message: "之前有 10 条记录被删除" }] });
    expect(tampered).not.toContain("保留期限删除");
    expect(tampered).toContain("校验失败");
  });
});
