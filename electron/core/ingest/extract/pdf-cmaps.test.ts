import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beginText, endText, moveText, PDFDocument, PDFHexString, PDFName, PDFString, setFontAndSize, showText } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { DEFAULT_LIMITS, type ExtractLimits } from "./limits";
import { extractPdf } from "./pdf";

/**
 * patches/pdfjs-dist+5.6.205.patch (applied by `npm ci`'s postinstall) makes
 * pdfjs parse each built-in CMap, and build each CID→Unicode map of a font
 * that names its CMap, once per thread instead of once per document: that
 * was most of the CPU of reading iText-style 公文 PDFs. These documents share
 * one thread, so a map cached under the wrong key would misread the next one.
 */
type Encoding = "UniGB-UCS2-H" | "UniGB-UCS2-V" | "GBK-EUC-H";

function encode(text: string, encoding: Encoding): PDFHexString {
  if (encoding === "GBK-EUC-H") return PDFHexString.of(iconv.encode(text, "gbk").toString("hex"));
  let hex = "";
  for (const ch of text) hex += ch.codePointAt(0)!.toString(16).padStart(4, "0");
  return PDFHexString.of(hex);
}

/** One page, the lines in the Adobe-GB1 font STSong-Light referenced by name (not embedded). */
async function writeCmapPdf(path: string, encoding: Encoding, lines: string[]): Promise<void> {
  const pdf = await PDFDocument.create();
  const ctx = pdf.context;
  const descriptor = ctx.obj({ Type: "FontDescriptor", FontName: "STSong-Light", Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 });
  const cid = ctx.obj({
    Type: "Font", Subtype: "CIDFontType0", BaseFont: "STSong-Light",
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of("Adobe"), Ordering: PDFString.of("GB1"), Supplement: 2 }),
    FontDescriptor: ctx.register(descriptor), DW: 1000,
  });
  const font = ctx.register(ctx.obj({ Type: "Font", Subtype: "Type0", BaseFont: "STSong-Light", Encoding: encoding, DescendantFonts: [ctx.register(cid)] }));
  const page = pdf.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of("F1"), font);
  let y = 760;
  for (const line of lines) {
    page.pushOperators(beginText(), setFontAndSize("F1", 16), moveText(80, y), showText(encode(line, encoding)), endText());
    y -= 29;
  }
  await writeFile(path, await pdf.save({ useObjectStreams: false }));
}

const LIMITS: ExtractLimits = { ...DEFAULT_LIMITS, maxPages: 10 };
const plain = (pages: { text: string }[]): string => pages.map((p) => p.text).join("\n").replace(/\s+/g, "");

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("pdfjs CMap caching (patched pdfjs-dist)", () => {
  it("is applied to the installed pdfjs-dist", () => {
    const worker = createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs");
    expect(readFileSync(worker, "utf8"), "run npm ci (its postinstall applies patches/)").toContain("GovDesk patch");
  });

  it("reads documents with the same and different built-in CMaps in turn, each as written", async () => {
    const docs: { encoding: Encoding; lines: string[] }[] = [
      { encoding: "UniGB-UCS2-H", lines: ["关于做好档案数字化工作的通知", "各市档案局：请于月底前完成。"] },
      { encoding: "GBK-EUC-H", lines: ["江南省人民政府办公厅", "统一归档，按期报送。"] },
      { encoding: "UniGB-UCS2-H", lines: ["政务数据安全管理办法", "第一条　为了规范管理，制定本办法。"] },
      { encoding: "UniGB-UCS2-V", lines: ["竖排标题"] },
      { encoding: "GBK-EUC-H", lines: ["关于做好档案数字化工作的通知"] },
      { encoding: "UniGB-UCS2-H", lines: ["统一归档，按期报送。"] },
    ];
    for (const [i, d] of docs.entries()) {
      const p = join(dir, `cmap-${i}.pdf`);
      await writeCmapPdf(p, d.encoding, d.lines);
      const { pages } = await extractPdf(p, LIMITS);
      expect(plain(pages), `${d.encoding} #${i}`).toBe(d.lines.join("").replace(/\s+/g, ""));
    }
  });
});

// Taken before anything in this test process loads pdfjs (forks are not shared between test files).
const BUILT_INS = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, toString: Function.prototype.toString };

describe("pdfjs-dist's legacy polyfills", () => {
  it("leave this thread's Array.prototype.push, JSON and Function.prototype.toString as they were once a PDF has been read", async () => {
    const p = join(dir, "native.pdf");
    await writeCmapPdf(p, "UniGB-UCS2-H", ["统一归档"]);
    await extractPdf(p, LIMITS);
    // core-js also makes its replacements print as "[native code]": compare identities.
    expect({ push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, toString: Function.prototype.toString }).toEqual(BUILT_INS);
    expect(plain((await extractPdf(p, LIMITS)).pages)).toBe("统一归档");
  });
});
