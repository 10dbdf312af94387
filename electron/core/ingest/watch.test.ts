import { mkdirSync, writeFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../testing/temp-dir";
import { kbCore } from "./testing/kb-core";

let dir: string;
let cleanup: () => void;
let kb: ReturnType<typeof kbCore>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  kb = kbCore(join(dir, "data"));
});
afterEach(async () => {
  kb.client.close();
  await kb.core.close();
  cleanup();
});

async function until(fn: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("kb.watch", () => {
  it("picks up a new file, a changed file and a deleted file in the watched folder", async () => {
    await kb.client.call("kb.create", { name: "w" });
    await expect(kb.client.call("kb.watch", { name: "w", folder: join(dir, "无此目录") })).rejects.toThrow(/找不到文件夹/);
    const base = await kb.client.call("kb.watch", { name: "w", folder: dir });
    expect(base.watchPath).toBe(dir);
    const docs = async (): Promise<{ path: string; status: string }[]> => (await kb.client.call("kb.documents", { name: "w" })).documents;
    const search = async (q: string): Promise<number> => (await kb.client.call("kb.search", { name: "w", query: q, k: 5 })).hits.length;

    await writeFile(join(dir, "新文件.txt"), "关于开展防汛检查的通知。");
    await until(async () => (await search("防汛")) === 1);
    await writeFile(join(dir, "新文件.txt"), "关于开展消防检查的通知。");
    await until(async () => (await search("消防")) === 1 && (await search("防汛")) === 0);
    await rm(join(dir, "新文件.txt"));
    await until(async () => (await docs()).length === 0);

    await kb.client.call("kb.watch", { name: "w", folder: null });
    expect((await kb.client.call("kb.list", {})).bases[0]!.watchPath).toBeNull();
  }, 30_000);
});

describe("kb.watch under an admin policy", () => {
  it("holds IT's file limits, as kb add does: a file over the size limit fails, naming it; the others are indexed", async () => {
    const { dir: pdir, cleanup: pclean } = tempDir();
    writeFileSync(join(pdir, "policy.json"), JSON.stringify({ limits: { maxFileSizeMb: 1 } }));
    process.env["GOVDESK_POLICY"] = join(pdir, "policy.json");
    const limited = kbCore(join(pdir, "data"));
    const folder = join(pdir, "收文");
    mkdirSync(folder);
    try {
      await limited.client.call("kb.create", { name: "w" });
      await limited.client.call("kb.watch", { name: "w", folder });
      await writeFile(join(folder, "小.txt"), "关于开展防汛检查的通知。");
      await writeFile(join(folder, "大.txt"), "审批".repeat(400_000)); // 2.4 MB of UTF-8
      const docs = async (): Promise<{ path: string; status: string; error?: string | null }[]> => (await limited.client.call("kb.documents", { name: "w" })).documents;
      await until(async () => (await docs()).filter((d) => d.status === "ready" || d.status === "failed").length === 2);
      const byName = Object.fromEntries((await docs()).map((d) => [d.path.split("/").pop(), d]));
      expect(byName["小.txt"]!.status).toBe("ready");
      expect(byName["大.txt"]).toMatchObject({ status: "failed", error: expect.stringMatching(/文件过大.*上限 1 MB/) });
    } finally {
      delete process.env["GOVDESK_POLICY"];
      limited.client.close();
      await limited.core.close();
      pclean();
    }
  }, 30_000);
});
