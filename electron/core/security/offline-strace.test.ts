import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { tempDir } from "../testing/temp-dir";

/**
 * The offline guarantee seen by the kernel: real CLI work (ingest, search,
 * summarise, ask with a model in its worker process) under `strace -f`,
 * which follows every thread and child process — what the in-process
 * recorder cannot see. Skipped where strace or ptrace is unavailable.
 */
const BIN = join(import.meta.dirname, "../../../bin/govdesk.mjs");
const hasStrace = spawnSync("strace", ["-f", "-e", "trace=none", "true"]).status === 0;

/** Addresses of every AF_INET/AF_INET6 connect/sendto/sendmsg in an strace log. */
function inetTargets(trace: string): string[] {
  const out: string[] = [];
  for (const line of trace.split("\n")) {
    if (!/\b(connect|sendto|sendmsg)\(/.test(line) || !/AF_INET6?/.test(line)) continue;
    const v4 = /inet_addr\("([^"]+)"\)/.exec(line);
    const v6 = /inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    out.push(v4?.[1] ?? v6?.[1] ?? line);
  }
  return out;
}

const loopback = (a: string) => /^127\./.test(a) || a === "::1" || /^::ffff:127\./.test(a);

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("offline under strace", () => {
  it("parses strace lines", () => {
    const trace = [
      '12 connect(19, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0',
      '12 connect(20, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("93.184.216.34")}, 16) = -1',
      '13 connect(21, {sa_family=AF_INET6, sin6_port=htons(8), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '14 sendto(5, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 1',
    ].join("\n");
    expect(inetTargets(trace)).toEqual(["93.184.216.34", "::1", "127.0.0.53"]);
    expect(inetTargets(trace).filter((a) => !loopback(a))).toEqual(["93.184.216.34"]);
  });

  it.skipIf(!hasStrace)("ingest, search, summarise and ask make no connection outside loopback in any process", async () => {
    const model = await ensureTestModel();
    const doc = join(dir, "通知.txt");
    writeFileSync(doc, "关于做好防汛工作的通知\n各单位要落实防汛责任，加强值班值守。汛期实行二十四小时值班制度。\n");
    const data = join(dir, "data");
    const gd = (...args: string[]) => [process.execPath, BIN, "--data-dir", data, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const script = [
      gd("kb", "create", "公文"),
      gd("kb", "add", "公文", doc),
      gd("search", "公文", "防汛"),
      gd("summarize", "--extractive", doc),
      gd("ask", "公文", "汛期值班有什么要求？", "--model", model),
    ].join(" && ");
    const trace = join(dir, "trace.txt");
    // A valid policy that allows no intranet host: only loopback may be reached.
    const policy = join(dir, "policy.json");
    writeFileSync(policy, "{}");
    const r = spawnSync("strace", ["-f", "-e", "trace=connect,sendto,sendmsg", "-o", trace, "sh", "-c", script], {
      encoding: "utf8",
      env: { ...process.env, GOVDESK_DATA_DIR: "", GOVDESK_POLICY: policy },
      timeout: 240_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(trace, "utf8");
    expect(text).toMatch(/\+\+\+ exited with 0 \+\+\+/);
    expect(inetTargets(text).filter((a) => !loopback(a))).toEqual([]);
  }, 300_000);
});
