import { z } from "zod";
import { describe, expect, it } from "vitest";
import { invalidInputText, issuesText } from "./issues";

describe("invalidInputText", () => {
  const schema = z.object({ question: z.string().max(5, "问题太长（最多 5 字），请缩短后再发送"), k: z.number().int() });

  it("tells the user the rule they broke, not 请求参数不正确", () => {
    const r = schema.safeParse({ question: "一二三四五六", k: 1 });
    expect(r.success).toBe(false);
    if (!r.success) expect(invalidInputText(r.error)).toBe("问题太长（最多 5 字），请缩短后再发送");
  });

  it("keeps the generic line for a program's mistake (zod's own wording), with the detail for the log", () => {
    const r = schema.safeParse({ question: "好", k: "x" });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(invalidInputText(r.error)).toBe("请求参数不正确");
      expect(issuesText(r.error)).toMatch(/^k: /);
    }
  });
});
