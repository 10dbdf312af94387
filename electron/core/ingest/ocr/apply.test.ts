import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeScannedOfd } from "../../testing/ocr-fixtures";
import { textPage } from "../../testing/ocr-images";
import { tempDir } from "../../testing/temp-dir";
import { extractFile } from "../extract";
import { ocrCandidates } from "./candidates";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("ocrCandidates", () => {
  const pages = [
    { page: 1, text: "关于加强政务数据安全管理的通知" },
    { page: 2, text: "", needsOcr: true },
    { page: 3, text: "犐犆犛３５．０４０犌犅／犜３３１９０—２０１６犈犾犲犮狋狉狅狀犻犮" },
  ];
  it("auto: pages without text and garbled pages; force: every page; off: none", () => {
    expect(ocrCandidates("pdf", pages, "auto")).toEqual([{ page: 2, why: "no-text" }, { page: 3, why: "garbled" }]);
    expect(ocrCandidates("pdf", pages, "force").map((c) => c.page)).toEqual([1, 2, 3]);
    expect(ocrCandidates("pdf", pages, "off")).toEqual([]);
  });
  it("a blank PDF page (empty, not flagged: nothing drawn on it) is read only when forced", () => {
    const blank = [{ page: 1, text: "正文" }, { page: 2, text: "" }];
    expect(ocrCandidates("pdf", blank, "auto")).toEqual([]);
    expect(ocrCandidates("pdf", blank, "force")).toEqual([{ page: 1, why: "forced" }, { page: 2, why: "forced" }]);
  });
  it("formats without page images have none; OFD only its pages without text; DOCX only its pages of pictures", () => {
    expect(ocrCandidates("xlsx", pages, "force")).toEqual([]);
    expect(ocrCandidates("ofd", pages, "force")).toEqual([{ page: 2, why: "no-text" }]);
    // The DOCX reader marks needsOcr on a page with pictures and no text; an empty page without pictures is no candidate.
    expect(ocrCandidates("docx", pages, "force")).toEqual([{ page: 2, why: "no-text" }]);
    expect(ocrCandidates("docx", [{ page: 1, text: "" }], "auto")).toEqual([]);
  });
});

describe("an OFD page that is one scanned image", () => {
  it("is read by OCR from the image in its resources", async () => {
    const p = join(dir, "扫描.ofd");
    await writeScannedOfd(p, textPage(["临翔区自然资源局", "建设项目用地预审与选址意见书"], { width: 800 }));
    const off = await extractFile(p);
    expect(off.pages[0]).toMatchObject({ needsOcr: true, text: "" });
    const doc = await extractFile(p, { ocr: { mode: "auto" } });
    expect(doc.pages[0]).toMatchObject({ source: "ocr" });
    expect(doc.pages[0]!.text).toContain("建设项目用地预审与选址意见书");
  }, 60_000);
});
