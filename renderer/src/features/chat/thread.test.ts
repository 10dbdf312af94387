import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../../../electron/common/contracts/assistant";
import { dateGroup, liveSpeed, toExchanges } from "./thread";

const msg = (id: number, role: "user" | "assistant", replyTo: number | null = null, selected = true): ChatMessage => ({
  id,
  conversationId: 1,
  role,
  content: `m${id}`,
  thought: "",
  citations: [],
  method: role === "assistant" ? "llm" : null,
  createdAt: 0,
  replyTo,
  selected,
  speed: null,
});

describe("toExchanges", () => {
  it("puts every version of an answer under its question and shows the selected one", () => {
    const ex = toExchanges([msg(1, "user"), msg(2, "assistant", 1, false), msg(3, "assistant", 1, true), msg(4, "user"), msg(5, "assistant", 4)]);
    expect(ex.map((e) => [e.question?.id, e.answers.map((a) => a.id), e.shown])).toEqual([
      [1, [2, 3], 1],
      [4, [5], 0],
    ]);
  });

  it("keeps a question without an answer, and an answer whose question is gone", () => {
    const ex = toExchanges([msg(7, "assistant", 99), msg(8, "user")]);
    expect(ex.map((e) => [e.question?.id ?? null, e.answers.map((a) => a.id)])).toEqual([
      [null, [7]],
      [8, []],
    ]);
  });
});

describe("liveSpeed", () => {
  it("is characters per second from the first character, once there is enough to say", () => {
    expect(liveSpeed(0, null, 1000)).toBeNull();
    expect(liveSpeed(10, 1000, 1100)).toBeNull();
    expect(liveSpeed(30, 1000, 3000)).toBe(15);
  });
});

describe("dateGroup", () => {
  const now = new Date(2025, 5, 15, 10, 0);
  const at = (d: number, h = 9) => new Date(2025, 5, d, h).getTime();
  it("groups pinned first, then today, yesterday, this week, this month, earlier", () => {
    expect(dateGroup({ pinned: true, updatedAt: at(1) }, now)).toBe("pinned");
    expect(dateGroup({ pinned: false, updatedAt: at(15, 0) }, now)).toBe("today");
    expect(dateGroup({ pinned: false, updatedAt: at(14, 23) }, now)).toBe("yesterday");
    expect(dateGroup({ pinned: false, updatedAt: at(9) }, now)).toBe("week");
    expect(dateGroup({ pinned: false, updatedAt: at(1) }, now)).toBe("month");
    expect(dateGroup({ pinned: false, updatedAt: new Date(2025, 3, 1).getTime() }, now)).toBe("earlier");
  });
});
