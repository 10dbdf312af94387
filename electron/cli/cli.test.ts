import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppInfo } from "../common/contract";
import { tempDir } from "../core/testing/temp-dir";
import { ensureTestModel } from "../../scripts/test-model/ensure";

/** Runs the real `govdesk` launcher as a user would (bin/govdesk.mjs). */
const BIN = join(import.meta.dirname, "../../bin/govdesk.mjs");
function govdesk(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, GOVDESK_DATA_DIR: "", ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("govdesk CLI", () => {
  it("prints help with the commands and exits 0", () => {
    const r = govdesk(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: govdesk/);
    expect(r.stdout).toMatch(/info/);
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/--data-dir/);
  });

  it("info --json prints the app info as valid JSON for --data-dir, creating the database there", () => {
    const data = join(dir, "data");
    const r = govdesk(["--data-dir", data, "info", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const info = AppInfo.parse(JSON.parse(r.stdout));
    expect(info.dataDir).toBe(data);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.host).toBe("cli");
    expect(existsSync(join(data, "govdesk.db"))).toBe(true);
  });

  it("takes the data dir from GOVDESK_DATA_DIR, and --data-dir wins over it", () => {
    const fromEnv = govdesk(["info", "--json"], { GOVDESK_DATA_DIR: join(dir, "env") });
    expect(JSON.parse(fromEnv.stdout).dataDir).toBe(join(dir, "env"));
    const both = govdesk(["info", "--json", "--data-dir", join(dir, "flag")], { GOVDESK_DATA_DIR: join(dir, "env") });
    expect(JSON.parse(both.stdout).dataDir).toBe(join(dir, "flag"));
  });

  it("info without --json prints Chinese labels", () => {
    const r = govdesk(["info", "--data-dir", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("数据目录：");
  });

  it.each([
    [["frobnicate"], /未知命令.*unknown command 'frobnicate'/],
    [["info", "--bogus"], /未知选项.*unknown option '--bogus'/],
    [["serve", "--port", "http"], /端口必须是 0 到 65535/],
    [["serve", "--port", "70000"], /端口必须是 0 到 65535/],
    [[], /Usage: govdesk/],
  ])("bad usage %j exits 2 with a one-line error", (args, message) => {
    const r = govdesk([...args, "--data-dir", dir].filter((a, i, all) => args.length > 0 || i >= all.length));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    if (args.length) expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("fails with exit 1 and one line when the data dir cannot be used", () => {
    writeFileSync(join(dir, "a-file"), "not a folder");
    const r = govdesk(["info", "--data-dir", join(dir, "a-file", "data")]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^错误：无法使用数据目录 .*路径中有一段是文件/);
  });
});

describe("govdesk CLI output to a closed pipe", () => {
  it("exits quietly when the reader goes away mid-stream (chat … | head)", async () => {
    const model = await ensureTestModel();
    const cmd = `"${process.execPath}" "${BIN}" --data-dir "${dir}" chat --model "${model}" "你好" | head -c 5 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`;
    const r = spawnSync("bash", ["-c", cmd], { encoding: "utf8", timeout: 60_000 });
    expect(r.stdout.trim()).toBe("rc=0");
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
