import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import { kbContract, kbCore } from "./testing/kb-core";

/** The admin policy's size limit applies to ingestion: a file over it fails alone, naming the limit. */
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, "policy.json"), JSON.stringify({ limits: { maxFileSizeMb: 1 } }));
  process.env["GOVDESK_POLICY"] = join(dir, "policy.json");
});
afterEach(() => {
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

describe("policy file limits in kb add", () => {
  it("refuses a file over the policy's size limit and indexes the others", async () => {
    writeFileSync(join(dir, "小.txt"), "关于加强办公用品采购管理的通知\n一、严格采购审批。\n");
    writeFileSync(join(dir, "大.txt"), "审批".repeat(400_000)); // 2.4 MB of UTF-8
    const { core, client } = kbCore(join(dir, "data"));
    try {
      await client.call("kb.create", { name: "政策" });
      const r = await runJob(kbContract, client, "kb.add", { name: "政策", paths: [join(dir, "小.txt"), join(dir, "大.txt")] });
      expect(r.ok).toBe(1);
      expect(r.failed).toEqual([{ path: join(dir, "大.txt"), error: expect.stringMatching(/文件过大.*上限 1 MB/) }]);
    } finally {
      await core.close();
    }
  });
});

/** The corpus PDF that needs the most heap to extract (measured: bench/memory); present only on some machines. */
const HEAVIEST = "/work/shared/corpus/dongguan_gov_order_138_public_rental_housing.pdf";

describe("policy parser memory cap in kb add", () => {
  it.skipIf(!existsSync(HEAVIEST))("a file that needs more than limits.maxParserMemoryMb fails alone, naming that cap", async () => {
    // 128 MB: enough to load the parsers, not for this PDF in a fresh thread (it extracts at 224 MB).
    writeFileSync(join(dir, "policy.json"), JSON.stringify({ limits: { maxParserMemoryMb: 128 } }));
    writeFileSync(join(dir, "小.txt"), "关于加强办公用品采购管理的通知\n一、严格采购审批。\n");
    const { core, client } = kbCore(join(dir, "data"));
    try {
      await client.call("kb.create", { name: "政策" });
      const r = await runJob(kbContract, client, "kb.add", { name: "政策", paths: [HEAVIEST, join(dir, "小.txt")] });
      expect(r.ok).toBe(1);
      expect(r.failed).toEqual([{ path: HEAVIEST, error: expect.stringMatching(/解析所需内存超过上限（128 MB）/) }]);
    } finally {
      await core.close();
    }
  }, 180_000);
});
