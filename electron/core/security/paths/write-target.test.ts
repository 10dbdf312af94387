import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rpcRejection } from "../../testing/rpc-error";
import { tempDir } from "../../testing/temp-dir";
import { openWriteTarget, writeFileSafely } from "./write-target";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("writing a file the user asked for", () => {
  it("writes a new file, and replaces an existing one in one step", async () => {
    const p = join(dir, "导出.md");
    await writeFileSafely(p, "第一版");
    expect(readFileSync(p, "utf8")).toBe("第一版");
    await writeFileSafely(p, "第二版");
    expect(readFileSync(p, "utf8")).toBe("第二版");
    expect(readdirSync(dir)).toEqual(["导出.md"]); // no temporary file left
  });

  it("replaces a symlink at the target instead of writing through it", async () => {
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "原文");
    symlinkSync(victim, join(dir, "out.md"));
    await writeFileSafely(join(dir, "out.md"), "导出内容");
    expect(readFileSync(victim, "utf8")).toBe("原文");
    expect(lstatSync(join(dir, "out.md")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, "out.md"), "utf8")).toBe("导出内容");
  });

  it("refuses a folder as the target, and a folder that does not exist, with a Chinese reason", async () => {
    mkdirSync(join(dir, "folder"));
    expect((await rpcRejection(writeFileSafely(join(dir, "folder"), "x"))).message).toMatch(/不是普通文件/);
    expect((await rpcRejection(writeFileSafely(join(dir, "no", "such", "x.md"), "x"))).message).toMatch(/请检查文件夹是否存在/);
  });

  it("an aborted stream leaves the old file untouched and no half file", async () => {
    const p = join(dir, "pack.govpack");
    writeFileSync(p, "旧的知识包");
    const t = await openWriteTarget(p);
    t.stream().write("半个新文件");
    await t.abort();
    expect(readFileSync(p, "utf8")).toBe("旧的知识包");
    expect(readdirSync(dir)).toEqual(["pack.govpack"]);
  });
});
