import { describe, expect, it } from "vitest";
import { matchShortcut, shortcutRows } from "./shortcuts";

const key = (k: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...m,
});

describe("keyboard shortcuts", () => {
  it("matches Ctrl (or ⌘) + N, K and /, and nothing else", () => {
    expect(matchShortcut(key("n", { ctrlKey: true }))).toBe("newConversation");
    expect(matchShortcut(key("N", { metaKey: true }))).toBe("newConversation");
    expect(matchShortcut(key("k", { ctrlKey: true }))).toBe("search");
    expect(matchShortcut(key("/", { ctrlKey: true }))).toBe("list");
    expect(matchShortcut(key("n"))).toBeNull();
    expect(matchShortcut(key("n", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchShortcut(key("Enter", { ctrlKey: true }))).toBeNull();
  });

  it("lists the send key the user chose", () => {
    expect(shortcutRows("enter").find((r) => r.action.endsWith(".send"))?.keys).toBe("Enter");
    expect(shortcutRows("ctrlEnter").find((r) => r.action.endsWith(".send"))?.keys).toBe("Ctrl+Enter");
    expect(shortcutRows("ctrlEnter").find((r) => r.action.endsWith(".newline"))?.keys).toBe("Enter");
  });
});
