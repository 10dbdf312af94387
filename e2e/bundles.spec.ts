import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../electron/core/testing/temp-dir";

/** Checks on the built bundles (npm test builds before running specs). */
const DIST = join(import.meta.dirname, "../dist");

describe.skipIf(!existsSync(join(DIST, "preload/preload.cjs")))("built bundles", () => {
  it("the sandboxed preload requires nothing but electron", () => {
    const code = readFileSync(join(DIST, "preload/preload.cjs"), "utf8");
    const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(["electron"]);
  });

  it("the renderer bundle loads nothing from a remote origin", () => {
    const html = readFileSync(join(DIST, "renderer/index.html"), "utf8");
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).toContain('lang="zh-CN"');
  });

  it("the bundled CLI runs commands whose modules load lazily (extract, info)", () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, "n.txt"), "关于加强管理的通知\n一、严格审批。\n");
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(DIST, "cli/govdesk.mjs"), "--data-dir", join(dir, "data"), ...args], { encoding: "utf8", timeout: 60_000 });
      const extract = run(["extract", join(dir, "n.txt"), "--json"]);
      expect(extract.status, extract.stderr).toBe(0);
      expect(JSON.parse(extract.stdout).title).toBe("关于加强管理的通知");
      const info = run(["info", "--json"]);
      expect(info.status, info.stderr).toBe(0);
      expect(JSON.parse(info.stdout).dataDir).toBe(join(dir, "data"));
    } finally {
      cleanup();
    }
  });

  it("the core bundle does not import electron", () => {
    const code = readFileSync(join(DIST, "core/core.mjs"), "utf8");
    expect(code).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
  });
});
