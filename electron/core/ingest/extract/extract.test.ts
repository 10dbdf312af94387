import { writeFileSync } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGarbledPdf, writeScannedPdf } from "../../testing/ocr-fixtures";
import { textPage } from "../../testing/ocr-images";
import { tempDir } from "../../testing/temp-dir";
import { encryptPdf, NOTICE_PAGES, writeDocx, writeGbk, writePdf, writePlacedPdf, writeXlsx } from "../testing/fixtures";
import { writeOfd } from "../testing/ofd-fixture";
import { writeZip } from "../testing/zip-writer";
import { extractFile } from "./index";

let dir: string;
let cleanup: () => void;
const text = (d: { pages: { text: string }[] }): string => d.pages.map((p) => p.text).join("\n");

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

describe("extract: formats", () => {
  it("PDF: a multi-page 公文 keeps pages, the red header and its metadata", async () => {
    const p = join(dir, "通知 公文.pdf");
    await writePdf(p, NOTICE_PAGES);
    const d = await extractFile(p);
    expect(d.format).toBe("pdf");
    expect(d.pages.map((x) => x.page)).toEqual([1, 2, 3]);
    expect(d.pages[0]!.text).toContain("江南省人民政府办公厅文件");
    expect(d.pages[1]!.text).toContain("涉密数据一律离线存储");
    expect(d.meta).toMatchObject({
      issuer: "江南省人民政府办公厅",
      docNumber: "江南政办发〔2024〕12号",
      title: "江南省人民政府办公厅关于加强政务数据安全管理工作的通知",
      recipients: "各市人民政府，省政府各部门、各直属机构",
      date: "2024-05-20",
      secrecy: "机密★1年",
      urgency: "特急",
    });
    expect(d.title).toBe(d.meta.title);
  });

  it("PDF: a page without a text layer but with an image (a scan) is flagged needsOcr with a warning", async () => {
    const p = join(dir, "scan.pdf");
    await writeScannedPdf(p, [textPage(["扫描的第一页"])]);
    const d = await extractFile(p);
    expect(d.pages).toEqual([{ page: 1, text: "", needsOcr: true }]);
    expect(d.warnings.join()).toContain("第 1 页没有文字层（可能是扫描件），需要 OCR");
  });

  it("PDF: a blank page (nothing drawn) stays an empty page, neither flagged for OCR nor called a scan", async () => {
    const p = join(dir, "blank-page.pdf");
    // A frame and a rule are drawn on the blank page: still nothing to read.
    await writePlacedPdf(p, [{ items: [{ text: "第一页有文字。", x: 60, y: 80 }] }, { items: [], rules: [{ x0: 60, y0: 100, x1: 535, y1: 100 }, { x0: 60, y0: 100, x1: 60, y1: 700 }] }]);
    const d = await extractFile(p);
    expect(d.pages[1]).toEqual({ page: 2, text: "" });
    expect(d.warnings.join()).not.toContain("OCR");
  });

  it("PDF: text in a font that maps every glyph to a space (no usable text layer, glyphs drawn) needs OCR", async () => {
    const p = join(dir, "spaces.pdf");
    await writeGarbledPdf(p, ["关于加强政务数据安全管理的通知"], 16, [" "]);
    const d = await extractFile(p);
    expect(d.pages).toEqual([{ page: 1, text: "", needsOcr: true }]);
  });

  it("PDF: a page of text drawn as outlines (no text layer, many painted curves) needs OCR", async () => {
    const p = join(dir, "outlines.pdf");
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    // 40 glyph-like closed curves, as a PDF whose fonts were turned into outlines draws its text.
    for (let i = 0; i < 40; i++) page.drawSvgPath("M 0 0 C 2 8 8 8 10 0 C 8 -8 2 -8 0 0 Z M 3 0 C 4 3 6 3 7 0 C 6 -3 4 -3 3 0 Z ".repeat(4), { x: 60 + (i % 20) * 24, y: 780 - Math.floor(i / 20) * 24 });
    writeFileSync(p, await doc.save());
    const d = await extractFile(p);
    expect(d.pages).toEqual([{ page: 1, text: "", needsOcr: true }]);
  });

  it("TXT: UTF-8, GBK and UTF-16 with BOM decode to the same text", async () => {
    const body = "关于开展节能检查的通知\n一、检查范围\n各单位办公用房。";
    await writeFile(join(dir, "u8.txt"), body);
    await writeGbk(join(dir, "gbk.txt"), body);
    await writeFile(join(dir, "u16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]));
    for (const [f, enc] of [["u8.txt", "UTF-8"], ["gbk.txt", "GB18030"], ["u16.txt", "UTF-16LE"]] as const) {
      const d = await extractFile(join(dir, f));
      expect(text(d), f).toBe(body);
      expect(d.meta["encoding"]).toBe(enc);
    }
  });

  it("DOCX: headings, paragraphs and table cells as text", async () => {
    const p = join(dir, "a.docx");
    await writeDocx(p, [
      { heading: "一、考试科目" },
      { para: "考试科目及分值见下表。" },
      { table: [["科目", "分值"], ["语文", "卷面得分不计入总分"]] },
    ]);
    const t = text(await extractFile(p));
    expect(t).toContain("一、考试科目");
    expect(t).toContain("科目 | 分值");
    expect(t).toContain("语文 | 卷面得分不计入总分");
  });

  it("XLSX: one page per sheet, rows as cells joined", async () => {
    const p = join(dir, "a.xlsx");
    await writeXlsx(p, { 预算表: [["项目", "金额"], ["办公用品", 5000]], 人员: [["姓名"], ["张三"]] });
    const d = await extractFile(p);
    expect(d.pages).toHaveLength(2);
    expect(d.pages[0]!.text).toContain("工作表：预算表");
    expect(d.pages[0]!.text).toContain("办公用品 | 5000");
    expect(d.pages[1]!.text).toContain("张三");
  });

  it("HTML: the article, not the navigation; GBK charset honoured", async () => {
    const para = "本市将进一步优化营商环境，推动政务服务事项全程网办。".repeat(8);
    const html = `<html><head><meta charset="gbk"><title>关于优化营商环境的通知</title></head><body>
      <nav><a href="/">首页</a> <a href="/x">导航栏链接甲乙丙</a></nav>
      <article><h1>关于优化营商环境的通知</h1><p>${para}</p><p>${para}</p></article>
      <footer>版权所有 网站地图</footer></body></html>`;
    const p = join(dir, "page.html");
    await writeFile(p, (await import("iconv-lite")).default.encode(html, "gbk"));
    const d = await extractFile(p);
    expect(text(d)).toContain("推动政务服务事项全程网办");
    expect(text(d)).not.toContain("导航栏链接甲乙丙");
    expect(d.title).toBe("关于优化营商环境的通知");
  });

  it("OFD: page content, template page and composite objects, in position order", async () => {
    const p = join(dir, "a.ofd");
    await writeOfd(p, {
      template: [{ text: "江南省人民政府文件", x: 40, y: 20 }],
      composite: [{ text: "江南政发〔2023〕5号", x: 70, y: 40 }],
      pages: [
        [
          { text: "关于做好防汛工作的通知", x: 50, y: 60 },
          { text: "一、加强值班值守。", x: 30, y: 80 },
        ],
        [{ text: "二、及时报送信息。", x: 30, y: 30 }],
      ],
    });
    const d = await extractFile(p);
    expect(d.pages.map((x) => x.text.split("\n"))).toEqual([
      ["江南省人民政府文件", "江南政发〔2023〕5号", "关于做好防汛工作的通知", "一、加强值班值守。"],
      ["江南省人民政府文件", "二、及时报送信息。"],
    ]);
    expect(d.meta.docNumber).toBe("江南政发〔2023〕5号");
  });
});

describe("extract: bad input gets a clear error for that file", () => {
  it("corrupt PDF", async () => {
    const p = join(dir, "bad.pdf");
    await writeFile(p, "%PDF-1.7\n garbage garbage \n%%EOF");
    await expect(extractFile(p)).rejects.toThrow(/PDF 文件已损坏/);
  });

  it("encrypted PDF", async () => {
    const plain = join(dir, "plain.pdf");
    await writePdf(plain, [[{ text: "机密内容" }]]);
    const p = join(dir, "locked.pdf");
    await encryptPdf(plain, p);
    await expect(extractFile(p)).rejects.toThrow(/已加密/);
  });

  it("DOCX zip bomb (600 MB of zeros in word/document.xml)", async () => {
    const p = join(dir, "bomb.docx");
    await writeZip(p, [{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", zeros: 600 * 1024 * 1024 }]);
    await expect(extractFile(p)).rejects.toThrow(/压缩炸弹/);
  }, 60_000);

  it("OFD with a missing page file", async () => {
    const p = join(dir, "missing.ofd");
    await writeOfd(p, { pages: [[{ text: "第一页", x: 10, y: 10 }], [{ text: "第二页", x: 10, y: 10 }]], omitPage: 2 });
    await expect(extractFile(p)).rejects.toThrow(/OFD 文件不完整：缺少 Doc_0\/Pages\/Page_1\/Content.xml/);
  });

  it("binary garbage named .txt", async () => {
    const p = join(dir, "garbage.txt");
    const b = Buffer.alloc(4096);
    for (let i = 0; i < b.length; i++) b[i] = (i * 7919) % 256;
    await writeFile(p, b);
    await expect(extractFile(p)).rejects.toThrow(/不是文本文件/);
  });

  it("empty file", async () => {
    const p = join(dir, "empty.docx");
    await writeFile(p, "");
    await expect(extractFile(p)).rejects.toThrow(/文件为空/);
  });

  it("a 500 MB text file is refused by the size limit without being read", async () => {
    const p = join(dir, "huge.txt");
    const fh = await open(p, "w");
    await fh.truncate(500 * 1024 * 1024); // sparse: no disk, no memory
    await fh.close();
    const before = process.memoryUsage().rss;
    await expect(extractFile(p)).rejects.toThrow(/文件过大（500.0 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("unsupported type and a missing file", async () => {
    await expect(extractFile(join(dir, "x.exe"))).rejects.toThrow(/不支持的文件类型/);
    await expect(extractFile(join(dir, "不存在 的文件.pdf"))).rejects.toThrow(/找不到文件/);
  });
});
