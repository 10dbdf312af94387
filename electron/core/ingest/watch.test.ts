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
