import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../../common/contract";
import { runJob } from "../../../common/rpc/run-job";
import { createCore, type Core } from "../../core";
import { connectInProcess } from "../../rpc/in-process";
import { rpcRejection as refusal } from "../../testing/rpc-error";
import { tempDir } from "../../testing/temp-dir";

let dir: string;
let cleanup: () => void;
let core: Core;
let ui: ReturnType<typeof connectInProcess<typeof contract>>;
let cli: ReturnType<typeof connectInProcess<typeof contract>>;

const TEXT = "关于做好办公用品管理工作的通知\n各单位要建立台账，每季度末盘点一次。";
function file(rel: string, text = TEXT): string {
  const p = join(dir, rel);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, text);
  return p;
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  core = createCore({ dataDir: join(dir, "data"), host: "serve" });
  ui = connectInProcess(contract, core.router, { trusted: false }); // stands in for the renderer
  cli = connectInProcess(contract, core.router);
});
afterEach(async () => {
  await core.close();
  cleanup();
});

describe("paths named by the UI", () => {
  it("refuses a file the user never chose, with a Chinese reason, and audits it", async () => {
    const secret = file("home/.ssh/id_rsa", "PRIVATE KEY");
    const e = await refusal(ui.call("kb.extract", { path: secret }));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.message).toContain("不能读取该文件");
    expect(e.message).toContain("--allow-dir");
    const entries = core.services.audit.list({ type: "path.refused" }).entries;
    expect(entries[0]).toMatchObject({ object: secret, detail: { method: "kb.extract", use: "read" } });
  });

  it("reads a file once it is granted, and only that file for a file grant", async () => {
    const chosen = file("docs/a.txt");
    const sibling = file("docs/b.txt");
    core.grantPaths([{ path: chosen, scope: "file" }]);
    await expect(ui.call("kb.extract", { path: chosen })).resolves.toMatchObject({ format: "txt" });
    expect((await refusal(ui.call("kb.extract", { path: sibling }))).code).toBe("FORBIDDEN");
  });

  it("a folder grant covers what is under it, but not ../ escapes or symlinks that point outside", async () => {
    const inside = file("docs/sub/a.txt");
    const outside = file("secret.txt", "机密");
    core.grantPaths([{ path: join(dir, "docs"), scope: "tree" }]);
    symlinkSync(outside, join(dir, "docs", "link.txt"));
    await expect(ui.call("kb.extract", { path: inside })).resolves.toBeTruthy();
    expect((await refusal(ui.call("kb.extract", { path: join(dir, "docs", "..", "secret.txt") }))).code).toBe("FORBIDDEN");
    expect((await refusal(ui.call("kb.extract", { path: join(dir, "docs", "link.txt") }))).code).toBe("FORBIDDEN");
    expect((await refusal(ui.call("kb.extract", { path: join(dir, "docs-other", "x.txt") }))).code).toBe("FORBIDDEN");
  });

  it("a home-folder grant that skips hidden folders keeps ~/.ssh out", async () => {
    const doc = file("home/文档/通知.txt");
    const key = file("home/.ssh/id_rsa", "KEY");
    core.grantPaths([{ path: join(dir, "home"), scope: "tree", skipHidden: true }]);
    await expect(ui.call("kb.extract", { path: doc })).resolves.toBeTruthy();
    expect((await refusal(ui.call("kb.extract", { path: key }))).code).toBe("FORBIDDEN");
  });

  it("checks every path of a request: one outside refuses the whole kb.add before anything is read", async () => {
    const ok = file("docs/a.txt");
    const bad = file("elsewhere/b.txt");
    core.grantPaths([{ path: join(dir, "docs"), scope: "tree" }]);
    await ui.call("kb.create", { name: "政策" });
    expect((await refusal(ui.call("kb.add", { name: "政策", paths: [ok, bad] }))).code).toBe("FORBIDDEN");
    expect(await ui.call("kb.documents", { name: "政策" })).toMatchObject({ documents: [] });
  });

  it("documents already in a knowledge base stay readable after the session's grants are gone", async () => {
    const doc = file("docs/a.txt");
    await cli.call("kb.create", { name: "政策" });
    await runJob(contract, cli, "kb.add", { name: "政策", paths: [doc] }); // the CLI: the user's own shell
    await expect(ui.call("kb.extract", { path: doc })).resolves.toBeTruthy();
    await expect(runJob(contract, ui, "assistant.summarize", { sources: [{ path: doc }], extractive: true })).resolves.toMatchObject({ method: "extractive" });
  });

  it("files in a watched folder are readable; writing there is not", async () => {
    const watched = join(dir, "watched");
    const doc = file("watched/new.txt");
    await cli.call("kb.create", { name: "政策" });
    await cli.call("kb.watch", { name: "政策", folder: watched });
    await expect(ui.call("kb.extract", { path: doc })).resolves.toBeTruthy();
    const e = await refusal(ui.call("packs.export", { name: "政策", path: join(watched, "out.govpack") }));
    expect(e.message).toContain("不能写入该位置");
  });

  it("writes only to the file chosen in a save dialog, once; never into a folder merely opened", async () => {
    await cli.call("kb.create", { name: "政策" });
    await runJob(contract, cli, "kb.add", { name: "政策", paths: [file("docs/a.txt")] });
    mkdirSync(join(dir, "out"));
    const target = join(dir, "out", "政策.govpack");
    expect((await refusal(ui.call("packs.export", { name: "政策", path: target }))).code).toBe("FORBIDDEN");
    // A folder opened (or allowed with --allow-dir) is for reading: the UI cannot write a file into it.
    core.grantPaths([{ path: join(dir, "out"), scope: "tree" }]);
    const e = await refusal(ui.call("packs.export", { name: "政策", path: target }));
    expect(e.message).toContain("只能写入您在保存对话框中选择的文件");
    core.grantPaths([{ path: target, scope: "save" }]);
    await expect(ui.call("packs.export", { name: "政策", path: target })).resolves.toMatchObject({ documents: 1 });
    expect((await refusal(ui.call("packs.export", { name: "政策", path: target }))).code).toBe("FORBIDDEN"); // used up
    const other = join(dir, "out", "别的.govpack");
    core.grantPaths([{ path: target, scope: "save" }]);
    expect((await refusal(ui.call("packs.export", { name: "政策", path: other }))).code).toBe("FORBIDDEN");
  });

  it("a symlink in a granted folder does not carry the grant to where it points, even retargeted after the grant", async () => {
    const outside = file("secret/key.txt", "密钥");
    const inside = file("docs/a.txt");
    mkdirSync(join(dir, "docs2"));
    symlinkSync(join(dir, "docs"), join(dir, "docs-link"));
    core.grantPaths([{ path: join(dir, "docs-link"), scope: "tree" }]);
    await expect(ui.call("kb.extract", { path: join(dir, "docs-link", "a.txt") })).resolves.toBeTruthy();
    await expect(ui.call("kb.extract", { path: inside })).resolves.toBeTruthy(); // the grant is where the link pointed
    // The granted link now points at the secret folder: the grant stays with the folder chosen.
    unlinkSync(join(dir, "docs-link"));
    symlinkSync(join(dir, "secret"), join(dir, "docs-link"));
    expect((await refusal(ui.call("kb.extract", { path: join(dir, "docs-link", "key.txt") }))).code).toBe("FORBIDDEN");
    expect((await refusal(ui.call("kb.extract", { path: outside }))).code).toBe("FORBIDDEN");
  });

  it("a model path must be an imported model or chosen by the user", async () => {
    const gguf = file("models-elsewhere/x.gguf", "GGUF");
    const e = await refusal(runJob(contract, ui, "assistant.summarize", { sources: [{ path: file("docs/a.txt") }], modelPath: gguf }));
    expect(e.code).toBe("FORBIDDEN");
    const inDataDir = join(core.dataDir, "models", "y.gguf");
    mkdirSync(join(core.dataDir, "models"), { recursive: true });
    writeFileSync(inDataDir, "GGUF");
    const err = await refusal(ui.call("models.inspect", { path: inDataDir }));
    expect(err.code).not.toBe("FORBIDDEN"); // refused for being a bad GGUF, not for where it lies
  });

  it("the CLI (trusted, in-process) is not limited: the user typed the path in their own shell", async () => {
    await expect(cli.call("kb.extract", { path: file("anywhere/a.txt") })).resolves.toBeTruthy();
  });
});
