/**
 * Distinct, real-looking 公文 documents for the ingestion benchmarks, made
 * from the sample corpus's own sentences (../corpus/model.ts): an issuing
 * organ, a unique 文号 and date, a title built from the corpus's topic
 * words, headings 一、二、… and paragraphs of corpus sentences drawn at
 * random, about `pages` pages of GB/T 9704 layout (22 lines of 28
 * characters). No two documents are the same (the 文号 alone differs, and
 * the sentences are drawn anew for each).
 *
 * Formats: PDF via pdf-lib, with the text in the Adobe-GB1 font STSong-Light
 * referenced by name (UniGB-UCS2-H), as iText-made government PDFs do —
 * embedding and subsetting a CJK font per file takes pdf-lib seconds, too
 * slow for ten thousand files; DOCX via the docx package; TXT in UTF-8 or
 * GB18030 (Windows users' text files).
 */
import { writeFile } from "node:fs/promises";
import { Document, Packer, Paragraph, TextRun } from "docx";
import iconv from "iconv-lite";
import { beginText, endText, moveText, PDFDocument, PDFHexString, PDFName, PDFString, setFontAndSize, showText } from "pdf-lib";
import { rng } from "../corpus/model";

export interface GovDoc {
  organ: string;
  number: string;
  date: string;
  title: string;
  /** Lines of at most 28 characters, headings included, as they would be set on the page. */
  lines: string[];
}

const ORGANS = ["市人民政府办公室", "市教育局", "市人力资源和社会保障局", "市住房和城乡建设局", "市卫生健康委员会", "市医疗保障局", "市自然资源局", "区人民政府", "县人民政府办公室", "市财政局"];
const CITIES = ["惠州", "东莞", "南京", "杭州", "上海", "临湘", "广州", "武汉", "郑州", "成都"];
const KINDS = ["通知", "意见", "办法", "规定", "实施细则", "决定"];
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;

function wrap(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHARS_PER_LINE) out.push(text.slice(i, i + CHARS_PER_LINE));
  return out;
}

/** Document `i` of a set (deterministic for a seed). */
export function govDoc(i: number, sentences: string[], topics: string[], pages: number, seed = 1): GovDoc {
  const r = rng(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const city = pick(CITIES);
  const organ = `${city}${pick(ORGANS)}`;
  const year = 2010 + Math.floor(r() * 15);
  const number = `${city.slice(0, 1)}府办〔${year}〕${i + 1}号`;
  const date = `${year}年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`;
  const title = `${organ}关于${pick(topics)}${pick(topics)}工作的${pick(KINDS)}`;
  const lines = [...wrap(title), number, ""];
  const target = pages * LINES_PER_PAGE;
  let section = 0;
  while (lines.length < target) {
    if (r() < 0.15 && section < NUMERALS.length) lines.push(`${NUMERALS[section++]}、${pick(topics)}${pick(topics)}`);
    let para = "";
    const n = 3 + Math.floor(r() * 5);
    for (let s = 0; s < n; s++) para += pick(sentences);
    lines.push(...wrap(`\u3000\u3000${para}`));
  }
  lines.length = Math.min(lines.length, target);
  lines.push(organ, date);
  return { organ, number, date, title, lines };
}

/** UCS-2 big-endian hex, what UniGB-UCS2-H expects. */
function ucs2(text: string): PDFHexString {
  let hex = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    hex += (c > 0xffff ? 0x3000 : c).toString(16).padStart(4, "0");
  }
  return PDFHexString.of(hex);
}

export async function writeGovPdf(path: string, d: GovDoc): Promise<void> {
  const pdf = await PDFDocument.create();
  const ctx = pdf.context;
  const descriptor = ctx.obj({
    Type: "FontDescriptor", FontName: "STSong-Light", Flags: 6, FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93,
  });
  const cid = ctx.obj({
    Type: "Font", Subtype: "CIDFontType0", BaseFont: "STSong-Light",
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of("Adobe"), Ordering: PDFString.of("GB1"), Supplement: 2 }),
    FontDescriptor: ctx.register(descriptor), DW: 1000,
  });
  const font = ctx.register(ctx.obj({ Type: "Font", Subtype: "Type0", BaseFont: "STSong-Light", Encoding: "UniGB-UCS2-H", DescendantFonts: [ctx.register(cid)] }));
  const name = PDFName.of("F1");
  for (let p = 0; p * LINES_PER_PAGE < d.lines.length; p++) {
    const page = pdf.addPage([595, 842]);
    page.node.setFontDictionary(name, font);
    let y = 760;
    for (const line of d.lines.slice(p * LINES_PER_PAGE, (p + 1) * LINES_PER_PAGE)) {
      if (line) page.pushOperators(beginText(), setFontAndSize("F1", 16), moveText(80, y), showText(ucs2(line)), endText());
      y -= 29;
    }
  }
  await writeFile(path, await pdf.save({ useObjectStreams: false }));
}

export async function writeGovDocx(path: string, d: GovDoc): Promise<void> {
  // Paragraphs, not page lines: a Word file's lines are laid out by Word.
  const paras: string[] = [];
  for (const l of d.lines) {
    if (l.startsWith("　　") || !paras.length || /^[一二三四五六七八九十]、/.test(l) || l === "" || l === d.number) paras.push(l);
    else paras[paras.length - 1] += l;
  }
  const doc = new Document({ sections: [{ children: paras.map((p) => new Paragraph({ children: [new TextRun({ text: p, font: "仿宋_GB2312", size: 32 })] })) }] });
  await writeFile(path, await Packer.toBuffer(doc));
}

export async function writeGovTxt(path: string, d: GovDoc, gb18030: boolean): Promise<void> {
  const text = `${d.lines.join("\n")}\n`;
  await writeFile(path, gb18030 ? iconv.encode(text.replace(/\n/g, "\r\n"), "gb18030") : text);
}
