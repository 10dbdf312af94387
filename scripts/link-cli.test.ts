import { spawnSync } from "node:child_process";
import { readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../electron/core/testing/temp-dir";

/**
 * `npx govdesk` runs the command from node_modules/.bin, linked there by
 * postinstall (scripts/link-cli.mjs), not from package.json's "bin", which
 * makes npx load the whole installed tree before every command (issue 15).
 */
const ROOT = join(import.meta.dirname, "..");
const SCRIPT = join(ROOT, "scripts/link-cli.mjs");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; bin?: unknown; scripts: Record<string, string> };
const link = (root: string, platform: string): number | null => spawnSync(process.execPath, [SCRIPT, root, platform]).status;

describe("the govdesk command for npx", () => {
  it("is linked by postinstall, and package.json has no bin to send npx down its slow path", () => {
    expect(pkg.bin).toBeUndefined();
    expect(pkg.scripts.postinstall).toContain("node scripts/link-cli.mjs");
  });

  it("links node_modules/.bin/govdesk to bin/govdesk.mjs on POSIX, replacing what was there", () => {
    const { dir, cleanup } = tempDir("govdesk-link-");
    try {
      expect(link(dir, "linux")).toBe(0);
      expect(link(dir, "linux")).toBe(0);
      expect(readlinkSync(join(dir, "node_modules/.bin/govdesk"))).toBe(join("..", "..", "bin", "govdesk.mjs"));
    } finally {
      cleanup();
    }
  });

  it("writes cmd, PowerShell and sh shims on Windows", () => {
    const { dir, cleanup } = tempDir("govdesk-link-");
    try {
      expect(link(dir, "win32")).toBe(0);
      const bin = join(dir, "node_modules/.bin");
      expect(readFileSync(join(bin, "govdesk.cmd"), "utf8")).toBe('@node "%~dp0\\..\\..\\bin\\govdesk.mjs" %*\r\n');
      expect(readFileSync(join(bin, "govdesk.ps1"), "utf8")).toContain('"$PSScriptRoot/../../bin/govdesk.mjs" @args');
      expect(readFileSync(join(bin, "govdesk"), "utf8")).toContain('exec node "$(dirname "$0")/../../bin/govdesk.mjs" "$@"');
      expect(statSync(join(bin, "govdesk")).mode & 0o111).not.toBe(0);
    } finally {
      cleanup();
    }
  });

  it("in this checkout, npx runs the launcher from node_modules/.bin", () => {
    expect(realpathSync(join(ROOT, "node_modules/.bin/govdesk"))).toBe(realpathSync(join(ROOT, "bin/govdesk.mjs")));
    const r = spawnSync("npx", ["--no-install", "govdesk", "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toContain(pkg.version);
  });
});
