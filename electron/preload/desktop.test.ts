import { describe, expect, it } from "vitest";
import { createDesktopBridge } from "./desktop";

describe("window.desktop", () => {
  it("sends a validated request (defaults filled) and returns the chosen paths", async () => {
    const sent: unknown[] = [];
    const bridge = createDesktopBridge(async (r) => (sent.push(r), ["/home/u/模型/qwen.gguf"]));
    expect(await bridge.pickPaths({ kind: "file", filters: [{ name: "GGUF", extensions: ["gguf"] }] })).toEqual(["/home/u/模型/qwen.gguf"]);
    expect(sent).toEqual([{ kind: "file", multiple: false, filters: [{ name: "GGUF", extensions: ["gguf"] }] }]);
  });

  it("refuses a bad request without asking main, and drops a malformed answer", async () => {
    let asked = 0;
    const bridge = createDesktopBridge(async () => (asked++, [42]));
    await expect(bridge.pickPaths({ kind: "disk" } as never)).rejects.toThrow(/文件选择请求不正确/);
    expect(asked).toBe(0);
    expect(await bridge.pickPaths({ kind: "folder" })).toEqual([]);
  });
});
