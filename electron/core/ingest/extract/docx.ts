import { posix } from "node:path";
import type { ExtractedPage } from "../types";
import { BodyReader } from "./docx/body";
import { DocxNumbering } from "./docx/numbering";
import { attr, find, kids, parseXml, tagOf, textOf, type XNode } from "./docx/xml";
import { extractError, type ExtractLimits } from "./limits";
import { openZip, type ZipReader } from "./zip";

/**
 * Refuses zip bombs before a library inflates the archive in memory: the
 * central directory's declared sizes must stay under the limit, and the main
 * part is inflated through our capped reader first.
 */
export async function guardZip(path: string, limits: ExtractLimits, mainPart: string): Promise<void> {
  const zip = await openZip(path, limits.maxUnzippedBytes);
  try {
    if (!zip.has(mainPart)) throw extractError(`文件结构不完整（缺少 ${mainPart}），可能已损坏：${path}`);
    await zip.read(mainPart);
  } finally {
    zip.close();
  }
}

export interface DocxResult {
  pages: ExtractedPage[];
  /** True when the pages are Word's last recorded layout (w:lastRenderedPageBreak); false: one flowing text. */
  paged: boolean;
  /** dc:title of the document properties, when set. */
  title?: string;
  /** Zip parts of the pictures on each page (1-based): what OCR reads on a page with no text. */
  images: Map<number, string[]>;
}

async function xml(zip: ZipReader, name: string | undefined): Promise<XNode[] | null> {
  if (!name || !zip.has(name)) return null;
  return parseXml((await zip.read(name)).toString("utf8"));
}

/** Targets of a part's relationships by type suffix (styles, numbering, footnotes, …), or by id. */
async function rels(zip: ZipReader, part: string, key: "type" | "id" = "type"): Promise<Map<string, string>> {
  const relsPath = posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
  const out = new Map<string, string>();
  const doc = await xml(zip, relsPath);
  const root = doc?.find((n) => tagOf(n) === "Relationships");
  for (const r of root ? kids(root) : []) {
    const type = attr(r, "Type")?.split("/").pop();
    const target = attr(r, "Target");
    if (!type || !target || attr(r, "TargetMode") === "External") continue;
    const k = key === "type" ? type : type === "image" ? attr(r, "Id") : undefined;
    if (k) out.set(k, target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target)));
  }
  return out;
}

function notes(reader: BodyReader, doc: XNode[] | null, tag: string): string[] {
  const root = doc?.find((n) => tagOf(n) === `w:${tag}s`);
  const out: string[] = [];
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) !== `w:${tag}` || attr(n, "w:type")) continue; // separators carry a type
    out.push(...reader.blocks(kids(n)).filter((l) => l.trim()));
  }
  return out;
}

/**
 * DOCX (WordprocessingML): body paragraphs with their automatic numbering,
 * tables as `cell | cell` rows, textboxes, footnotes and endnotes. Pages
 * follow Word's last layout when the file records it; otherwise the text is
 * one flowing page and says so (`paged: false`).
 */
export async function extractDocx(path: string, limits: ExtractLimits): Promise<DocxResult> {
  const zip = await openZip(path, limits.maxUnzippedBytes);
  try {
    const main = (await rels(zip, "")).get("officeDocument") ?? "word/document.xml";
    if (!zip.has(main)) throw extractError(`文件结构不完整（缺少 ${main}），可能已损坏：${path}`);
    let document: XNode[];
    let parts: Map<string, string>;
    let numbering: XNode[] | null;
    let styles: XNode[] | null;
    let footnotes: XNode[] | null;
    let endnotes: XNode[] | null;
    try {
      document = parseXml((await zip.read(main)).toString("utf8"), true);
      parts = await rels(zip, main);
      const [n, st, fn, en] = await Promise.all(["numbering", "styles", "footnotes", "endnotes"].map((t) => xml(zip, parts.get(t))));
      [numbering, styles, footnotes, endnotes] = [n ?? null, st ?? null, fn ?? null, en ?? null];
    } catch (e) {
      if ((e as { code?: string }).code === "INVALID_INPUT") throw e;
      throw extractError(`Word 文档已损坏或格式不受支持：${path}`, String(e));
    }
    const body = find(document, "w:body");
    if (!body) throw extractError(`Word 文档没有正文（w:body），可能已损坏：${path}`);
    const paged = find([body], "w:lastRenderedPageBreak") !== undefined;
    const reader = new BodyReader(new DocxNumbering(numbering, styles), paged);
    reader.body(kids(body));
    const tail = [...notes(reader, footnotes, "footnote"), ...notes(reader, endnotes, "endnote")];
    reader.pages[reader.pages.length - 1]!.push(...tail);
    const byId = reader.images.size ? await rels(zip, main, "id") : new Map<string, string>();
    const images = new Map<number, string[]>();
    for (const [i, ids] of reader.images) {
      const parts = ids.map((id) => byId.get(id)).filter((p): p is string => p !== undefined && zip.has(p));
      if (parts.length) images.set(i + 1, parts);
    }
    // A page that is only pictures (a scan pasted into Word) has its text in them: OCR reads it.
    const pages = reader.pages.map((lines, i) => {
      const text = lines.join("\n");
      return { page: i + 1, text, ...(!text.trim() && images.has(i + 1) ? { needsOcr: true } : {}) };
    });
    const core = await xml(zip, (await rels(zip, "")).get("core-properties") ?? "docProps/core.xml").catch(() => null);
    const titleNode = core ? find(core, "dc:title") : undefined;
    const title = titleNode ? textOf(titleNode).trim() : "";
    return { pages, paged, images, ...(title ? { title } : {}) };
  } finally {
    zip.close();
  }
}
