import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../../common/contract";
import { runJob } from "../../../common/rpc/run-job";
import { writeScannedPdf } from "../../testing/ocr-fixtures";
import { textPage } from "../../testing/ocr-images";
import { tempDir } from "../../testing/temp-dir";
import { openAssistantCore } from "../testing/core";

// Summarising a scan from disk: the real extraction worker thread and PP-OCRv4, no chat model (extractive).
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

async function summarise(dataDir: string, path: string): Promise<{ points: string[]; stages: string[] }> {
  const opened = openAssistantCore(dataDir, () => null);
  const stages: string[] = [];
  try {
    const s = await runJob(contract, opened.client, "assistant.summarize", { sources: [{ path }], length: "bullets" }, { onProgress: (p) => stages.push(`${p.stage} ${p.done}/${p.total}`) });
    return { points: s.points.map((p) => p.text), stages };
  } finally {
    opened.client.close();
    await opened.core.close();
  }
}

describe("summarising a scanned file from disk", () => {
  it("OCRs an image-only PDF as kb.extract does, reporting the page read; with OCR off by policy it says the scan needs OCR", async () => {
    const scan = join(dir, "扫描通知.pdf");
    await writeScannedPdf(scan, [textPage(["关于做好防汛工作的通知", "各乡镇要在汛期前完成水库巡查。"], { width: 700 })]);
    const { points, stages } = await summarise(join(dir, "data"), scan);
    expect(points.join("")).toContain("水库巡查");
    expect(stages).toContain("ocr 1/1");

    writeFileSync(join(dir, "policy.json"), JSON.stringify({ ocr: { disabled: true } }));
    process.env["GOVDESK_POLICY"] = join(dir, "policy.json");
    await expect(summarise(join(dir, "data2"), scan)).rejects.toMatchObject({ message: expect.stringMatching(/扫描件.*需要先做 OCR/) });
  }, 90_000);
});
