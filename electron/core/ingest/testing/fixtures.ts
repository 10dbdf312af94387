import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";

/** The CJK font present on these machines (fonts-noto-cjk); a TTC, so fontkit is told which face. */
export const CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

export interface PdfLine {
  text: string;
  size?: number;
  red?: boolean;
}

let fontBytes: Buffer | null = null;

/** A new PDF with the CJK font embedded (subset). */
async function cjkPdf(): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create();
  const create = (fontkit as unknown as { create(b: Uint8Array, name?: string): unknown }).create;
  doc.registerFontkit({ create: (b: Uint8Array) => create(b, "NotoSansCJKsc-Regular") } as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  fontBytes ??= readFileSync(CJK_FONT);
  return { doc, font: await doc.embedFont(fontBytes, { subset: true }) };
}

/** A PDF with a real CJK text layer, one entry of `pages` per page (empty array: a page without text). */
export async function writePdf(path: string, pages: PdfLine[][]): Promise<void> {
  const { doc, font } = await cjkPdf();
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const l of lines) {
      const size = l.size ?? 12;
      page.drawText(l.text, { x: 60, y, size, font, color: l.red ? rgb(0.85, 0, 0) : rgb(0, 0, 0) });
      y -= size * 1.8;
    }
  }
  await writeFile(path, await doc.save({ useObjectStreams: false }));
}

export interface PlacedText {
  text: string;
  /** Points from the left and from the top of an A4 page (595 × 842). */
  x: number;
  y: number;
  size?: number;
}

export interface PlacedPage {
  items: PlacedText[];
  /** Straight rulings (table borders), points from the top-left. */
  rules?: { x0: number; y0: number; x1: number; y1: number }[];
  /** Page /Rotate (a landscape table on a portrait page). */
  rotate?: 90;
}

/** A PDF whose text runs and rulings are placed exactly (columns, justified lines, ruled tables). */
export async function writePlacedPdf(path: string, pages: PlacedPage[]): Promise<void> {
  const { doc, font } = await cjkPdf();
  for (const p of pages) {
    const page = doc.addPage([595, 842]);
    for (const it of p.items) page.drawText(it.text, { x: it.x, y: 842 - it.y, size: it.size ?? 12, font, color: rgb(0, 0, 0) });
    for (const r of p.rules ?? []) page.drawLine({ start: { x: r.x0, y: 842 - r.y0 }, end: { x: r.x1, y: 842 - r.y1 }, thickness: 0.8, color: rgb(0, 0, 0) });
  }
  await writeFile(path, await doc.save({ useObjectStreams: false }));
}

/**
 * Marks a PDF as encrypted with an unknown user password: an incremental
 * update whose trailer adds a Standard security handler dictionary.
 */
export async function encryptPdf(src: string, dest: string): Promise<void> {
  const pdf = await readFile(src, "latin1");
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(pdf)?.[1];
  const size = Number(/\/Size\s+(\d+)/.exec(pdf)?.[1]);
  const hex = (n: number): string => "ab".repeat(n);
  const objOffset = pdf.length;
  const obj = `${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -4 >>\nendobj\n`;
  const xrefOffset = objOffset + obj.length;
  const xref = `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objOffset).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${prev} /Encrypt ${size} 0 R /ID [<${hex(16)}> <${hex(16)}>] >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  await writeFile(dest, Buffer.from(pdf + obj + xref, "latin1"));
}

export interface DocxBlock {
  heading?: string;
  para?: string;
  table?: string[][];
}

export async function writeDocx(path: string, blocks: DocxBlock[]): Promise<void> {
  const children = blocks.map((b) => {
    if (b.heading) return new Paragraph({ text: b.heading, heading: HeadingLevel.HEADING_1 });
    if (b.table) return new Table({ rows: b.table.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) });
    return new Paragraph({ children: [new TextRun(b.para ?? "")] });
  });
  await writeFile(path, await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

export async function writeXlsx(path: string, sheets: Record<string, (string | number)[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(path);
}

export async function writeGbk(path: string, text: string): Promise<void> {
  await writeFile(path, iconv.encode(text, "gbk"));
}

/** A realistic multi-page 公文: 红头, 发文字号, title, 主送, headings 一、（一）, 附件, signature and 成文日期, 版记. */
export const NOTICE_PAGES: PdfLine[][] = [
  [
    { text: "000123", size: 10 },
    { text: "机密★1年", size: 10 },
    { text: "特急", size: 10 },
    { text: "江南省人民政府办公厅文件", size: 24, red: true },
    { text: "江南政办发〔2024〕12号" },
    { text: "江南省人民政府办公厅关于加强政务数据", size: 16 },
    { text: "安全管理工作的通知", size: 16 },
    { text: "各市人民政府，省政府各部门、各直属机构：" },
    { text: "为加强政务数据安全管理，经省政府同意，现就有关事项通知如下。" },
    { text: "一、总体要求" },
    { text: "（一）指导思想。坚持安全与发展并重，筑牢数据安全防线。" },
    { text: "（二）基本原则。谁主管谁负责，谁使用谁负责。" },
  ],
  [
    { text: "二、重点任务" },
    { text: "（一）建立数据分类分级制度。各地各部门要梳理数据资源目录。" },
    { text: "（二）落实离线存储要求。涉密数据一律离线存储，严禁连接互联网。" },
    { text: "三、保障措施" },
    { text: "各单位要明确专人负责，每季度开展一次安全自查。" },
    { text: "附件：政务数据安全自查表" },
    { text: "江南省人民政府办公厅" },
    { text: "2024年5月20日" },
  ],
  [
    { text: "附件" },
    { text: "政务数据安全自查表" },
    { text: "检查项目 | 检查结果 | 整改措施" },
    { text: "抄送：省委办公厅。" },
    { text: "江南省人民政府办公厅 2024年5月21日印发" },
  ],
];
