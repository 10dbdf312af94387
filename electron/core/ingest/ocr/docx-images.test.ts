import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePng, textPage } from "../../testing/ocr-images";
import { tempDir } from "../../testing/temp-dir";
import { extractFile } from "../extract";
import { writeZip } from "../testing/zip-writer";

// A scan pasted into Word: a DOCX whose page is one picture. The real DOCX reader, PNG decoder and PP-OCRv4.
const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
].join(" ");
const picture = (id: string): string =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="5000000" cy="2000000"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

async function writeDocx(path: string, body: string, png: Buffer): Promise<void> {
  await writeZip(path, [
    { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: "_rels/.rels", data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: "word/_rels/document.xml.rels", data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>' },
    { name: "word/document.xml", data: `<?xml version="1.0"?><w:document ${NS}><w:body>${body}</w:body></w:document>` },
    { name: "word/media/image1.png", data: png },
  ]);
}

let dir: string;
let cleanup: () => void;
let png: Buffer;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  png = await encodePng(textPage(["关于做好冬季供暖工作的通知", "各单位要在十一月前完成管网检修。"], { width: 700 }));
});
afterAll(() => cleanup());

describe("pictures in a DOCX", () => {
  it("reads a page that is only a pasted scan by OCR; without OCR it says the page needs it", async () => {
    const path = join(dir, "扫描件.docx");
    await writeDocx(path, picture("rIdImg1"), png);
    const plain = await extractFile(path);
    expect(plain.pages[0]).toMatchObject({ needsOcr: true, text: "" });
    expect(plain.warnings.join()).toMatch(/需要 OCR/);

    const doc = await extractFile(path, { ocr: { mode: "auto" } });
    expect(doc.pages[0]).toMatchObject({ source: "ocr" });
    expect(doc.pages[0]!.text).toContain("管网检修");
    expect(doc.title).toBe("关于做好冬季供暖工作的通知");
    expect(doc.warnings.join()).not.toMatch(/需要 OCR/);
  }, 60_000);

  it("leaves a page with text alone, pictures and all", async () => {
    const path = join(dir, "图文.docx");
    await writeDocx(path, `<w:p><w:r><w:t>附件：现场照片</w:t></w:r></w:p>${picture("rIdImg1")}`, png);
    const doc = await extractFile(path, { ocr: { mode: "auto" } });
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]).not.toHaveProperty("source", "ocr");
    expect(doc.pages[0]!.text).toBe("附件：现场照片");
  });
});
