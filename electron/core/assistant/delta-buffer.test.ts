import { describe, expect, it } from "vitest";
import type { ChatChunk } from "../llm/chat-model";
import { deltaBuffer } from "./delta-buffer";

describe("deltaBuffer", () => {
  it("sends pieces coalesced per interval, keeping kinds apart and in order, and flushes the rest", async () => {
    const sent: ChatChunk[] = [];
    const b = deltaBuffer((c) => sent.push(c), 20);
    b.push({ type: "thought", text: "想" });
    b.push({ type: "thought", text: "一想" });
    b.push({ type: "text", text: "答" });
    b.push({ type: "text", text: "案" });
    expect(sent).toEqual([{ type: "thought", text: "想一想" }]);
    await new Promise((r) => setTimeout(r, 40));
    expect(sent.at(-1)).toEqual({ type: "text", text: "答案" });
    b.push({ type: "text", text: "尾" });
    b.flush();
    expect(sent.map((c) => c.text).join("")).toBe("想一想答案尾");
    b.flush();
    expect(sent).toHaveLength(3);
  });
});
