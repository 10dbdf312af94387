import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { tempDir } from "../../../core/testing/temp-dir";

const BIN = join(import.meta.dirname, "../../../../bin/govdesk.mjs");
let dir: string;
let cleanup: () => void;
let model: string;

/** Runs the real launcher as a user would, in a child process (a native crash would show as a signal). */
function govdesk(...args: string[]): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, GOVDESK_DATA_DIR: join(dir, "data") }, timeout: 90_000 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  model = await ensureTestModel();
});
afterAll(() => cleanup());

describe("govdesk models / chat on bad input: exit 1, one line, no native crash", () => {
  it("refuses random bytes, magic+garbage, a truncated file and a hash mismatch", async () => {
    const bytes = await readFile(model);
    const files = {
      random: join(dir, "random.gguf"),
      magic: join(dir, "magic.gguf"),
      truncated: join(dir, "truncated.gguf"),
    };
    await writeFile(files.random, randomBytes(3000));
    await writeFile(files.magic, Buffer.concat([Buffer.from("GGUF"), randomBytes(3000)]));
    await writeFile(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const runs = await Promise.all([
      govdesk("models", "inspect", files.random, "--json"),
      govdesk("models", "inspect", files.magic, "--json"),
      govdesk("chat", "--model", files.truncated, "你好"),
      govdesk("models", "verify", model, "--sha256", "0".repeat(64)),
    ]);
    const reasons = [/不是 GGUF/, /文件头损坏或不完整/, /截断/, /sha256 不符/];
    runs.forEach((r, i) => {
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^错误：/);
      expect(lines[0]).toMatch(reasons[i]!);
    });
  }, 120_000);

  it("inspects, benches and chats with the test model", async () => {
    const [inspect, bench, chat] = await Promise.all([
      govdesk("models", "inspect", model, "--json"),
      govdesk("models", "bench", model, "--json", "--tokens", "16"),
      govdesk("chat", "--model", model, "你好", "--max-tokens", "8"),
    ]);
    expect(JSON.parse(inspect.stdout)).toMatchObject({ gguf: { architecture: "llama", contextLength: 512 }, fit: { level: "cpu" } });
    const b = JSON.parse(bench.stdout) as Record<string, number | string>;
    expect(b["backend"]).toBe("cpu");
    expect(b["generationTokensPerSecond"]).toBeGreaterThan(0);
    expect(chat.code).toBe(0);
    expect(chat.stdout.trim().length).toBeGreaterThan(0);
  }, 120_000);

  it("imports, sets the default chat model, then chats without --model", async () => {
    const imported = await govdesk("models", "import", model, "--json");
    expect(imported.code).toBe(0);
    const id = (JSON.parse(imported.stdout) as { id: string }).id;
    expect((await govdesk("models", "default", id.slice(0, 10))).stdout).toContain("已设为默认对话模型");
    const chat = await govdesk("chat", "你好", "--max-tokens", "4");
    expect(chat.code).toBe(0);
    expect(chat.stdout.trim().length).toBeGreaterThan(0);
  }, 120_000);
});
