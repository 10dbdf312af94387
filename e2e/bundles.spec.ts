import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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

  it("the core bundle does not import electron", () => {
    const code = readFileSync(join(DIST, "core/core.mjs"), "utf8");
    expect(code).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
  });
});
