import { describe, expect, it } from "vitest";
import type { GrantedRoot } from "../common/host-contract";
import { createGrantRelay, dialogRoots, droppedRoots } from "./path-grants";

/** The core's paths.grant stand-in: each grant waits until the test acknowledges it (or never). */
function relay(coreUp = true, timeoutMs = 1000) {
  const sent: GrantedRoot[][] = [];
  const acks: (() => void)[] = [];
  const r = createGrantRelay({
    send: (roots) => {
      if (!coreUp) return null;
      sent.push(roots);
      return new Promise<void>((resolve) => acks.push(resolve));
    },
    timeoutMs,
  });
  return { r, sent, acks };
}

describe("path grant relay (main)", () => {
  it("resolves only after the core acknowledges the grant", async () => {
    const { r, sent, acks } = relay();
    let done = false;
    const p = r.grant([{ path: "/home/u/a.pdf", scope: "file" }]).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(sent).toEqual([[{ path: "/home/u/a.pdf", scope: "file" }]]);
    acks[0]!();
    await p;
    expect(done).toBe(true);
  });

  it("does not hang when the core never answers or fails the call", async () => {
    const { r } = relay(true, 20);
    await expect(r.grant([{ path: "/x", scope: "tree" }])).resolves.toBeUndefined();
    const failing = createGrantRelay({ send: () => Promise.reject(new Error("核心服务未运行")), timeoutMs: 1000 });
    await expect(failing.grant([{ path: "/y", scope: "file" }])).resolves.toBeUndefined();
  });

  it("sends every grant of the session again to a restarted core", async () => {
    const { r, sent } = relay();
    void r.grant([{ path: "/a", scope: "file" }]);
    void r.grant([{ path: "/b", scope: "tree" }]);
    void r.grant([{ path: "/c.govpack", scope: "save" }]); // written once: not granted again
    r.coreStarted();
    expect(sent.at(-1)).toEqual([
      { path: "/a", scope: "file" },
      { path: "/b", scope: "tree" },
    ]);
  });

  it("resolves at once when no core is running (the restart sends it)", async () => {
    const { r, sent } = relay(false);
    await expect(r.grant([{ path: "/a", scope: "file" }])).resolves.toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("a chosen folder grants its tree, a chosen file only itself", () => {
    expect(dialogRoots(["/d"], "folder")).toEqual([{ path: "/d", scope: "tree" }]);
    expect(dialogRoots(["/f.pdf", "/g.pdf"], "file")).toEqual([
      { path: "/f.pdf", scope: "file" },
      { path: "/g.pdf", scope: "file" },
    ]);
  });
});

describe("dropped paths (main)", () => {
  const kinds: Record<string, "file" | "folder"> = { "/home/u/a.pdf": "file", "/home/u/文件夹": "folder" };
  const kindOf = (p: string) => kinds[p] ?? null;

  it("grants dropped files and folders that exist, by absolute path only", () => {
    expect(droppedRoots(["/home/u/a.pdf", "/home/u/文件夹", "/gone.txt", "relative.txt"], kindOf)).toEqual([
      { path: "/home/u/a.pdf", scope: "file" },
      { path: "/home/u/文件夹", scope: "tree" },
    ]);
  });

  it("grants nothing for a malformed message", () => {
    expect(droppedRoots("/etc/passwd", kindOf)).toEqual([]);
    expect(droppedRoots([], kindOf)).toEqual([]);
    expect(droppedRoots([42], kindOf)).toEqual([]);
  });
});
