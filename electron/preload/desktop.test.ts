import { describe, expect, it } from "vitest";
import { createDesktopBridge, type DesktopDeps } from "./desktop";

/*
 * ipcRenderer and webUtils exist only inside Electron (binary not available
 * here): the bridge takes them as functions, and these tests give it
 * stand-ins that behave as Electron documents (getPathForFile throws for a
 * non-File and returns "" for a File not backed by a disk file).
 */
function deps(over: Partial<DesktopDeps> = {}): DesktopDeps & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    pick: async (r) => (sent.push(r), ["/home/u/模型/qwen.gguf"]),
    pickSave: async (r) => (sent.push(r), "/home/u/文档/政策.govpack"),
    dropped: async (paths) => (sent.push(paths), paths),
    pathForFile: (f) => {
      if (!(f instanceof File)) throw new TypeError("not a File");
      return f.name.startsWith("disk-") ? `/home/u/${f.name}` : "";
    },
    ...over,
  };
}

describe("window.desktop", () => {
  it("sends a validated request (defaults filled) and returns the chosen paths", async () => {
    const d = deps();
    const bridge = createDesktopBridge(d);
    expect(await bridge.pickPaths({ kind: "file", filters: [{ name: "GGUF", extensions: ["gguf"] }] })).toEqual(["/home/u/模型/qwen.gguf"]);
    expect(d.sent).toEqual([{ kind: "file", multiple: false, filters: [{ name: "GGUF", extensions: ["gguf"] }] }]);
  });

  it("refuses a bad request without asking main, and drops a malformed answer", async () => {
    let asked = 0;
    const bridge = createDesktopBridge(deps({ pick: async () => (asked++, [42]) }));
    await expect(bridge.pickPaths({ kind: "disk" } as never)).rejects.toThrow(/文件选择请求不正确/);
    expect(asked).toBe(0);
    expect(await bridge.pickPaths({ kind: "folder" })).toEqual([]);
  });

  it("sends main only the paths of dropped disk files, never of files the page made or of non-files", async () => {
    const d = deps();
    const bridge = createDesktopBridge(d);
    const files = [new File(["x"], "disk-通知.pdf"), new File(["y"], "made-by-page.txt"), { name: "disk-fake" } as unknown as File];
    expect(await bridge.droppedPaths(files)).toEqual(["/home/u/disk-通知.pdf"]);
    expect(d.sent).toEqual([["/home/u/disk-通知.pdf"]]);
  });

  it("asks main nothing when no dropped file has a path, and drops a malformed answer", async () => {
    let asked = 0;
    const bridge = createDesktopBridge(deps({ dropped: async () => (asked++, "oops") }));
    expect(await bridge.droppedPaths([new File(["y"], "made-by-page.txt")])).toEqual([]);
    expect(asked).toBe(0);
    expect(await bridge.droppedPaths([new File(["x"], "disk-a.docx")])).toEqual([]);
  });

  it("asks main for a save path with a file name only, and returns what the user chose", async () => {
    const d = deps();
    const bridge = createDesktopBridge(d);
    expect(await bridge.pickSavePath({ defaultName: "政策.govpack" })).toBe("/home/u/文档/政策.govpack");
    expect(d.sent).toEqual([{ defaultName: "政策.govpack", filters: [] }]);
    await expect(bridge.pickSavePath({ defaultName: "/home/u/.bashrc" })).rejects.toThrow(/保存位置请求不正确/);
    expect(await createDesktopBridge(deps({ pickSave: async () => 42 })).pickSavePath({ defaultName: "a.md" })).toBeNull();
  });
});
