import type { DocumentMeta, ExtractedPage, MetaField, MetaSource } from "../../types";
import { findHeader, findRecipients, findSignature, findTitle, kindOf, type Found } from "./fields";
import { findNumber } from "./number";
import { metaLines, organLike, standaloneDate, type MetaLine } from "./text";

export { parseChineseDate } from "./text";

export interface MetaHints {
  /** The title in the file's document properties (PDF Info, DOCX core.xml, DOC SummaryInformation, OFD DocInfo). */
  propertiesTitle?: string;
}

/** How many lines from the top the head (版头, 标题, 主送) may take. */
const HEAD = 40;

/** Titles that document properties carry by accident: templates, tools, placeholders. */
const JUNK_TITLE = /^(undefined|null|untitled|无标题|标题|新建|文档|document|microsoft word|wps|pdf|\d+$|[a-z]:\\|<[0-9a-f]+>$)|\.(docx?|wps|pdf|ofd|txt)$|签发人|〔\d{0,4}〕\s*号/i;

export function plausibleTitle(t: string | undefined): string | undefined {
  const s = t?.replace(/\s+/g, " ").trim();
  if (!s || s.length < 2 || s.length > 100 || JUNK_TITLE.test(s) || /[：:]$/.test(s) || !/[\u4e00-\u9fa5A-Za-z]/.test(s)) return undefined;
  return s.replace(/^Microsoft Word - /i, "");
}

/** The first heading: the first short line that is not furniture, a date, a number or a sentence. */
function firstHeading(lines: readonly MetaLine[]): string | undefined {
  for (const l of lines.slice(0, 15)) {
    const t = l.text;
    if (l.row || t.length < 2 || t.length > 60 || /[。；：:，,]$/.test(t) || /^(目录|目次)$/.test(t) || standaloneDate(t) || /^[\d\-—.:/\s]+$/.test(t)) continue;
    return l.raw.replace(/\s{2,}/g, " ");
  }
  return undefined;
}

/**
 * Recognises the 公文 elements (GB/T 9704) and says where each came from:
 * 发文字号, 发文机关 (header, else 落款, else the title's organ), 标题, 成文日期
 * (the 落款's date), 主送机关, 密级, 紧急程度, and 文种. The document is judged
 * a 公文 only on evidence (版头, 发文字号, 落款, 主送); on a document that is
 * not one, only the title is given (its first heading or its properties).
 */
export function recogniseMeta(pages: readonly ExtractedPage[], hints: MetaHints = {}): DocumentMeta {
  const lines = pages.flatMap((p) => metaLines(p.text, p.source === "ocr" ? (p.confidence ?? 0) : undefined));
  const meta: DocumentMeta = {};
  const sources: Partial<Record<MetaField, MetaSource>> = {};
  /** A field and where it came from; read from an OCR'd line, it says so and is only as sure as the OCR. */
  const set = (field: MetaField, value: string, from: MetaSource["from"], confidence: number, line?: number): void => {
    meta[field] = value;
    const ocr = line !== undefined ? lines[line]?.ocr : undefined;
    sources[field] = { from, confidence: Math.round(confidence * (ocr ?? 1) * 100) / 100, ...(ocr !== undefined ? { ocr: true } : {}) };
  };

  for (const [i, l] of lines.slice(0, 8).entries()) {
    const secrecy = /^(绝密|机密|秘密)(★.{0,8})?$/.exec(l.text);
    if (secrecy && !meta.secrecy) set("secrecy", secrecy[0], "header", 0.9, i);
    const urgency = /^(特急|加急|特提|平急)$/.exec(l.text);
    if (urgency && !meta.urgency) set("urgency", urgency[0], "header", 0.9, i);
  }

  const header = findHeader(lines);
  const number = findNumber(lines, header ? header.line + 8 : 15);
  const headEnd = Math.max(header?.line ?? -1, number?.line ?? -1);
  // The title follows the header and number; a web re-typeset puts it first.
  let title: Found | null = number?.lead ? { value: number.lead, line: number.line, confidence: number.confidence } : null;
  title ??= findTitle(lines, headEnd + 1, headEnd + 12) ?? findTitle(lines, 0, headEnd > 0 ? headEnd : Math.min(lines.length, HEAD));
  let titleEnd = title ? lastTitleLine(lines, title) : headEnd;
  const recipients = findRecipients(lines, Math.max(titleEnd, number?.line ?? -1));
  // The 落款 follows the body; a 令 signs before the regulation it publishes, so search from the head, not the title.
  const signature = findSignature(lines, Math.max(headEnd, recipients?.line ?? -1, title && title.line < headEnd ? titleEnd : -1) + 1);
  if (!title && signature) {
    // A 令: the regulation it publishes follows the signature, and names the document.
    title = findTitle(lines, signature.date.line + 1, signature.date.line + 8);
    if (title) titleEnd = lastTitleLine(lines, title);
  }

  const evidence = {
    header: !!header,
    number: !!number,
    signature: !!signature,
    recipients: !!recipients,
    kindTitle: !!title && /(关于|的)/.test(title.value) && kindOf(title.value, null) !== undefined,
    // A 发文字号 on its own line next to the title (a web re-typeset: the title, then the number under it).
    titledNumber: !!title && number?.from === "number-line" && Math.abs(number.line - title.line) <= 2,
  };
  const score = Object.values(evidence).filter(Boolean).length;
  const gongwen = (evidence.header || evidence.number) ? score >= 2 : evidence.kindTitle && evidence.recipients && (evidence.signature || !!signature);
  meta.isGongwen = gongwen;

  if (gongwen) {
    if (number) set("docNumber", number.value, number.from, number.confidence, number.line);
    if (header) set("issuer", header.value, header.from, header.confidence, header.line);
    else if (signature?.organ) set("issuer", signature.organ.value, "signature", signature.organ.confidence, signature.organ.line);
    else if (title) {
      const m = /^(.{2,40}?)关于/.exec(title.value);
      if (m && organLike(m[1]!)) set("issuer", m[1]!, "title", 0.7, title.line);
    }
    if (title) set("title", title.value, "title", title.confidence, title.line);
    if (signature) set("date", signature.date.value, "signature", signature.date.confidence, signature.date.line);
    else {
      // A web re-typeset: the date in its publication note.
      const note = number?.from === "publication-note" ? lines[number.line]!.text : "";
      const d = note ? /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(note) : null;
      if (d) set("date", `${d[1]}-${d[2]!.padStart(2, "0")}-${d[3]!.padStart(2, "0")}`, "publication-note", 0.75, number!.line);
    }
    if (recipients) set("recipients", recipients.value, "recipient-line", recipients.confidence, recipients.line);
    const kind = kindOf(meta.title, number);
    const byOrder = number?.from === "order-heading" && !meta.title?.endsWith(kind ?? "");
    if (kind) set("kind", kind, byOrder ? "order-heading" : "title", 0.9, byOrder ? number!.line : title?.line);
  } else {
    delete meta.secrecy;
    delete meta.urgency;
    delete sources.secrecy;
    delete sources.urgency;
  }
  if (!meta.title) {
    const props = plausibleTitle(hints.propertiesTitle);
    const heading = firstHeading(lines);
    if (props) set("title", props, "properties", 0.6);
    else if (heading) set("title", heading, "first-heading", 0.5);
  }
  meta.sources = sources;
  return meta;
}

function lastTitleLine(lines: readonly MetaLine[], title: Found): number {
  let n = 0;
  let i = title.line;
  for (; i < lines.length && n < title.value.length; i++) n += lines[i]!.text.length;
  return i - 1;
}
