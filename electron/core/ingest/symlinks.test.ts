import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import { collectFiles } from "./collect";
import { enqueue, requireBase } from "./kb-repo";
import { ingestPaths } from "./pipeline";
import { kbContract, kbCore } from "./testing/kb-core";

/**
 * Symlinks as an attacker uses them (issue 14, findings 1 and 2), on real
 * files: a folder walk never leaves the folder, whoever asked (the CLI
 * too); a queued file that was swapped for a link elsewhere is not read.
 */
let dir: string;
let cleanup: () => void;
let kb: ReturnType<typeof kbCore>;
const SECRET = "机要口令 hunter2";

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  kb = kbCore(join(dir, "data"));
  await mkdir(join(dir, "docs", "sub"), { recursive: true });
  await mkdir(join(dir, "outside"), { recursive: true });
  await writeFile(join(dir, "docs", "通知.txt"), "关于做好办公用品管理工作的通知");
  await writeFile(join(dir, "outside", "secret.txt"), SECRET);
  await kb.client.call("kb.create", { name: "k" });
});
afterEach(async () => {
  kb.client.close();
  await kb.core.close();
  cleanup();
});

const paths = (files: { path: string }[]): string[] => files.map((f) => f.path);

describe("collectFiles: a folder walk stays in the folder", () => {
  it("skips links (to a file, to a folder) that lead out of the named folder, and keeps links that stay inside", async () => {
    await symlink(join(dir, "outside", "secret.txt"), join(dir, "docs", "out.txt"));
    await symlink(join(dir, "outside"), join(dir, "docs", "sub", "out-dir"));
    await symlink(join(dir, "docs", "通知.txt"), join(dir, "docs", "sub", "in.txt"));
    const c = await collectFiles([join(dir, "docs")]);
    expect(paths(c.files).sort()).toEqual([join(dir, "docs", "sub", "in.txt"), join(dir, "docs", "通知.txt")].sort());
    expect(c.files.find((f) => f.path.endsWith("in.txt"))!.real).toBe(join(dir, "docs", "通知.txt"));
    expect(paths(c.rejected).sort()).toEqual([join(dir, "docs", "out.txt"), join(dir, "docs", "sub", "out-dir")].sort());
    expect(c.rejected[0]!.error).toMatch(/符号链接指向所选文件夹之外/);
  });

  it("a named folder that is itself a link is walked where it points; a link named directly is taken (the user named it)", async () => {
    await symlink(join(dir, "docs"), join(dir, "docs-link"));
    const c = await collectFiles([join(dir, "docs-link"), join(dir, "outside", "secret.txt")]);
    expect(paths(c.files)).toEqual([join(dir, "docs-link", "通知.txt"), join(dir, "outside", "secret.txt")]);
    expect(c.rejected).toEqual([]);
  });

  it("with `within` (a watched folder), even a named path must really lie inside", async () => {
    await symlink(join(dir, "outside", "secret.txt"), join(dir, "docs", "out.txt"));
    const c = await collectFiles([join(dir, "docs", "out.txt"), join(dir, "docs", "通知.txt")], { within: join(dir, "docs") });
    expect(paths(c.files)).toEqual([join(dir, "docs", "通知.txt")]);
    expect(paths(c.rejected)).toEqual([join(dir, "docs", "out.txt")]);
  });
});

describe("ingestion of links", () => {
  it("the CLI's kb add of a folder with a link out of it indexes only what is inside", async () => {
    await symlink(join(dir, "outside", "secret.txt"), join(dir, "docs", "out.txt"));
    const r = await runJob(kbContract, kb.client, "kb.add", { name: "k", paths: [join(dir, "docs")] });
    expect(r).toMatchObject({ ok: 1, failed: [{ path: join(dir, "docs", "out.txt") }] });
    expect((await kb.client.call("kb.search", { name: "k", query: "hunter2", k: 5 })).hits).toEqual([]);
  });

  it("a queued file swapped for a link elsewhere before it is read fails, naming where it points now", async () => {
    const db = kb.core.store.db;
    const base = requireBase(db, "k");
    const doc = join(dir, "docs", "通知.txt");
    enqueue(db, base.id, doc, undefined, doc); // queued while it was the real file
    await rm(doc);
    await symlink(join(dir, "outside", "secret.txt"), doc);
    const r = await ingestPaths(db, "k", []);
    expect(r.failed).toEqual([{ path: doc, error: expect.stringMatching(/文件在加入后被替换，现在指向别处.*secret\.txt.*未读取/) }]);
    expect((await kb.client.call("kb.search", { name: "k", query: "hunter2", k: 5 })).hits).toEqual([]);
  });

  it("a link the watcher reports that leads out of the watched folder is not indexed", async () => {
    await kb.client.call("kb.watch", { name: "k", folder: join(dir, "docs") });
    await symlink(join(dir, "outside", "secret.txt"), join(dir, "docs", "new-link.txt"));
    await writeFile(join(dir, "docs", "新通知.txt"), "关于开展防汛检查的通知");
    const end = Date.now() + 15_000;
    const search = async (q: string): Promise<number> => (await kb.client.call("kb.search", { name: "k", query: q, k: 5 })).hits.length;
    while ((await search("防汛")) === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await search("防汛")).toBe(1);
    expect(await search("hunter2")).toBe(0);
    const docs = (await kb.client.call("kb.documents", { name: "k" })).documents;
    expect(docs.find((d) => d.path.endsWith("new-link.txt"))?.status ?? "not added").not.toBe("ready");
  }, 30_000);
});
