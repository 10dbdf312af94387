import mammoth from "mammoth";
import type { ExtractedPage } from "../types";
import { htmlToText } from "./html-text";
import { extractError, type ExtractLimits } from "./limits";
import { openZip } from "./zip";

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

/** DOCX via mammoth: headings, paragraphs and tables (rows as `cell | cell`) as text. One page: DOCX has no fixed pages. */
export async function extractDocx(path: string, limits: ExtractLimits): Promise<ExtractedPage[]> {
  await guardZip(path, limits, "word/document.xml");
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ path }, { ignoreEmptyParagraphs: true })).value;
  } catch (e) {
    throw extractError(`Word 文档已损坏或格式不受支持：${path}`, String(e));
  }
  return [{ page: 1, text: htmlToText(html) }];
}
