/**
 * The PDF extraction GovDesk shipped before issue 16 (extractor version 1),
 * kept frozen as the benchmark's baseline: pdfjs text items joined in content
 * order (a line break where the baseline moves) and the first 公文 metadata
 * recogniser. bench/ingest times it against today's extractFile on the same
 * files in the same run. Not used by the product.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface TextItemLike {
  str: string;
  transform: number[];
  height: number;
  width: number;
  hasEOL: boolean;
}

/** Joins a page's text items in content order, breaking lines where the baseline moves. */
export function itemsToText(items: TextItemLike[]): string {
  let out = "";
  let prevY: number | null = null;
  let prevEnd: number | null = null;
  for (const it of items) {
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const h = Math.abs(it.height) || Math.abs(it.transform[3] ?? 10) || 10;
    if (prevY !== null && Math.abs(y - prevY) > h * 0.5) {
      if (!out.endsWith("\n")) out += "\n";
    } else if (prevEnd !== null && x - prevEnd > h * 0.8 && !out.endsWith("\n") && !out.endsWith(" ")) {
      out += " ";
    }
    out += it.str;
    if (it.hasEOL) out += "\n";
    prevY = y;
    prevEnd = x + it.width;
  }
  return out.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

interface V1Page {
  page: number;
  text: string;
}


const CN_DIGIT: Record<string, number> = Object.fromEntries([..."〇一二三四五六七八九"].map((c, i) => [c, i]).concat([["○", 0], ["零", 0], ["Ｏ", 0]]));

/** 发文字号: 机关代字 + 〔年份〕 + 序号 + 号; [2010], （2010）, 〔2010〕 are all written; stored with 〔〕. */
const DOC_NUMBER = /([A-Za-zＸ\u4e00-\u9fa5]{1,15})\s*[〔［[（(]\s*(\d{4})\s*[〕］\]）)]\s*第?\s*(\d{1,5})\s*号/;
/** 政府令: 东莞市人民政府令第138号. */
const ORDER_NUMBER = /([\u4e00-\u9fa5]{2,20}令)\s*第\s*(\d{1,5})\s*号/;
const DATE = /([12]\d{3}|[〇○零一二三四五六七八九Ｏ]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/g;
const TITLE_END = /(通知|通报|意见|决定|决议|办法|规定|规则|细则|报告|请示|批复|函|纪要|公告|通告|命令|方案|规划|条例|意见书|处理单|答复|议案)$/;

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(""));
  // 十, 十二, 二十, 二十三
  const [tens, ones] = s.split("十");
  if (s.includes("十")) return (tens ? (CN_DIGIT[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? 0) : 0);
  return CN_DIGIT[s] ?? 0;
}

export function parseChineseDate(m: RegExpMatchArray): string | undefined {
  const y = cnNumber(m[1]!);
  const mo = cnNumber(m[2]!);
  const d = cnNumber(m[3]!);
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Lines with inner spaces removed (letter-spaced headings like 东 莞 市 人 民 政 府 令). */
function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/[\s\u3000]+/g, ""))
    .filter((l) => l.length > 0);
}

/**
 * Recognises the 公文 elements (GB/T 9704) where present. Heuristic: the
 * header (份号, 密级, 紧急程度, 发文机关标志, 发文字号) comes before the title;
 * the 成文日期 is the last standalone date before the 版记.
 */
export function recogniseMeta(pages: V1Page[]): Record<string, string> {
  const meta: Record<string, string> = {};
  const all = joinOrderNumber(lines(pages.map((p) => p.text).join("\n")));
  const head = all.slice(0, 40);

  // 密级 and 紧急程度 stand on their own lines above the red header.
  for (const line of head.slice(0, 8)) {
    const secrecy = line.match(/^(绝密|机密|秘密)(★.{0,6})?$/);
    if (secrecy && !meta["secrecy"]) meta["secrecy"] = secrecy[0];
    const urgency = line.match(/^(特急|加急|特提|平急)$/);
    if (urgency && !meta["urgency"]) meta["urgency"] = urgency[0];
  }

  let numberLine = -1;
  for (let i = 0; i < head.length && numberLine < 0; i++) {
    const line = head[i]!;
    const order = line.match(ORDER_NUMBER);
    const num = line.match(DOC_NUMBER);
    if (num) {
      meta["docNumber"] = `${stripLead(num[1]!)}〔${num[2]}〕${Number(num[3])}号`;
      numberLine = i;
    } else if (order) {
      meta["docNumber"] = `${order[1]}第${Number(order[2])}号`;
      if (!meta["issuer"]) meta["issuer"] = order[1]!.replace(/令$/, "");
      numberLine = i;
    }
  }
  const headerLine = head.slice(0, 12).find((l) => /^[A-Za-zＸ\u4e00-\u9fa5（）()、]{2,40}文件$/.test(l));
  if (headerLine) meta["issuer"] = headerLine.replace(/文件$/, "");

  const title = findTitle(head, numberLine);
  if (title) meta["title"] = title;
  if (!meta["issuer"] && title) {
    const m = title.match(/^(.{2,30}?)关于/);
    if (m && /(政府|委员会|办公厅|办公室|局|厅|部|院|委|署|会)$/.test(m[1]!)) meta["issuer"] = m[1]!;
  }

  const titleIdx = title ? head.findIndex((l) => title.startsWith(l)) : -1;
  const recipients = head
    .slice(Math.max(0, titleIdx), titleIdx + 6)
    .find((l) => /^[^。]{2,200}[：:]$/.test(l) && !/^(附件|联系人|抄送|[（(]?[一二三四五六七八九十\d]+[）)、．.])/.test(l));
  if (recipients) meta["recipients"] = recipients.replace(/[：:]$/, "");

  const date = findDate(all);
  if (date) meta["date"] = date;
  return meta;
}

/** 政府令 headings print 第N号 on its own line under …令: join them. */
function joinOrderNumber(all: string[]): string[] {
  const out: string[] = [];
  for (const line of all) {
    const prev = out[out.length - 1];
    if (prev && /令$/.test(prev) && /^第\d{1,5}号$/.test(line)) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out;
}

function stripLead(s: string): string {
  // "文号：国办发" or "来文文号府办专督" -> keep the 机关代字 (trailing run after a label)
  return s.replace(/^.*(文号|字号|文件|发布|日)[：:]?/, "");
}

/** The title usually follows the 发文字号; web re-typesets put it first. */
function findTitle(head: string[], numberLine: number): string | undefined {
  const after = numberLine >= 0 ? scanTitle(head, numberLine + 1, numberLine + 13) : undefined;
  return after ?? scanTitle(head, 0, numberLine >= 0 ? numberLine : 12);
}

function scanTitle(head: string[], start: number, end: number): string | undefined {
  for (let i = start; i < Math.min(head.length, end); i++) {
    const line = head[i]!;
    if (/文件$/.test(line) || /^(第.{1,4}号)$/.test(line)) continue;
    if (line.length < 4 || /[。；]$/.test(line) || /^[（）()、，《》]/.test(line) || /号[）)]/.test(line) || DOC_NUMBER.test(line)) continue;
    if (!/^关于|关于/.test(line) && !TITLE_END.test(line)) continue;
    // Titles wrap over up to three lines; join until one ends like a title.
    let title = line;
    for (let j = i + 1; j < Math.min(head.length, i + 3) && !TITLE_END.test(title); j++) {
      const next = head[j]!;
      if (/[：:。]$/.test(next)) break;
      title += next;
    }
    if (title.length <= 80) return title;
  }
  return undefined;
}

function findDate(all: string[]): string | undefined {
  // Skip the 版记 (抄送 / 印发 lines at the very end) and prefer a date standing alone on its line.
  // The first standalone date is the signature's 成文日期; attachments may carry later ones.
  let standalone: string | undefined;
  let last: string | undefined;
  for (const line of all) {
    if (/印发$|^抄送|^印发/.test(line)) continue;
    for (const m of line.matchAll(DATE)) {
      const iso = parseChineseDate(m);
      if (!iso) continue;
      last ??= iso;
      if (!standalone && line.replace(/[（）()]/g, "").length <= m[0].length + 2) standalone = iso;
    }
  }
  return standalone ?? last;
}

/** Version 1 of extractFile for a PDF: every page's text, then the metadata. */
export async function extractPdfV1(path: string): Promise<{ pages: V1Page[]; meta: Record<string, string> }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(path)), cMapUrl: join(root, "cmaps") + "/", cMapPacked: true, standardFontDataUrl: join(root, "standard_fonts") + "/", isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: V1Page[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push({ page: i, text: itemsToText(content.items.flatMap((it) => ("str" in it ? [it as TextItemLike] : []))) });
      page.cleanup();
    }
    return { pages, meta: recogniseMeta(pages) };
  } finally {
    await doc.destroy();
  }
}
