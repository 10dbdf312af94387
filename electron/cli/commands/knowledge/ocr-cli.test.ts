import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePng, textPage } from "../../../core/testing/ocr-images";
import { tempDir } from "../../../core/testing/temp-dir";

/** `govdesk extract --ocr` and `kb add` on a scan, run as a user would (bin/govdesk.mjs, the bundled worker). */
const BIN = join(import.meta.dirname, "../../../../bin/govdesk.mjs");
let dir: string;
let cleanup: () => void;
let data: string;
function govdesk(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "--data-dir", data, ...args], { encoding: "utf8", env: { ...process.env, GOVDESK_DATA_DIR: "" }, timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  data = join(dir, "data");
  writeFileSync(join(dir, "扫描.png"), await encodePng(textPage(["关于开展春季防火检查的通知", "各乡镇人民政府："], { width: 700 })));
});
afterAll(() => cleanup());

describe("govdesk OCR from the command line", () => {
  it("extract --json reports each page's n, text, source and confidence; --ocr off leaves the scan unread", () => {
    const r = govdesk("extract", join(dir, "扫描.png"), "--json");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; pages: { n: number; text: string; source: string; confidence?: number }[] };
    expect(doc.format).toBe("image");
    expect(doc.pages[0]).toMatchObject({ n: 1, source: "ocr" });
    expect(doc.pages[0]!.text).toContain("春季防火检查");
    expect(doc.pages[0]!.confidence).toBeGreaterThan(0.8);

    const off = JSON.parse(govdesk("extract", join(dir, "扫描.png"), "--json", "--ocr", "off").stdout) as { pages: { source: string; text: string }[]; warnings: string[] };
    expect(off.pages[0]).toMatchObject({ source: "text", text: "" });
    expect(off.warnings.join()).toMatch(/需要 OCR/);
    expect(govdesk("extract", join(dir, "扫描.png"), "--ocr", "maybe").code).not.toBe(0);
  }, 600_000);

  it("kb add reads the scan (progress names the page), docs shows 已识别 (OCR), search finds it", () => {
    expect(govdesk("kb", "create", "扫描").code).toBe(0);
    const add = govdesk("kb", "add", "扫描", join(dir, "扫描.png"));
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toContain("正在识别第 1/1 页");
    expect(govdesk("kb", "docs", "扫描").stdout).toMatch(/已识别 \(OCR\) \d+%/);
    const hits = JSON.parse(govdesk("search", "扫描", "防火检查", "--json").stdout) as { hits: { path: string }[] };
    expect(hits.hits[0]?.path).toBe(join(dir, "扫描.png"));
  }, 600_000);
});
