import { describe, expect, it } from "vitest";
import type { ChatChunk } from "./chat-model";
import { ThinkSplitter } from "./think-splitter";

function run(pieces: string[], startInThought = false): { text: string; thought: string; chunks: ChatChunk[] } {
  const s = new ThinkSplitter({ startInThought });
  const chunks = [...pieces.flatMap((p) => s.push(p)), ...s.end()];
  return {
    chunks,
    text: chunks.filter((c) => c.type === "text").map((c) => c.text).join(""),
    thought: chunks.filter((c) => c.type === "thought").map((c) => c.text).join(""),
  };
}

describe("ThinkSplitter", () => {
  const reply = "<think>用户问采购审批。先看通知第一条。</think>单笔超过五千元的须报财务部门备案。";

  it("separates the thought from the answer", () => {
    const r = run([reply]);
    expect(r.thought).toBe("用户问采购审批。先看通知第一条。");
    expect(r.text).toBe("单笔超过五千元的须报财务部门备案。");
  });

  it("gives the same split whatever the chunk boundaries, tags cut included", () => {
    for (const size of [1, 2, 3, 5, 7]) {
      const pieces = Array.from({ length: Math.ceil(reply.length / size) }, (_, i) => reply.slice(i * size, (i + 1) * size));
      const r = run(pieces);
      expect(r.thought).toBe("用户问采购审批。先看通知第一条。");
      expect(r.text).toBe("单笔超过五千元的须报财务部门备案。");
    }
  });

  it("handles a template that opened <think> in the prompt (DeepSeek-R1)", () => {
    const r = run(["想一想", "</th", "ink>答案"], true);
    expect(r).toMatchObject({ thought: "想一想", text: "答案" });
  });

  it("keeps text that only looks like the start of a tag", () => {
    expect(run(["a <thin", "g> b"]).text).toBe("a <thing> b");
    expect(run(["结尾是 <"]).text).toBe("结尾是 <");
  });
});
