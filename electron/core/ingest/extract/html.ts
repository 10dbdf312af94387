import { readFile } from "node:fs/promises";
import { Readability } from "@mozilla/readability";
import iconv from "iconv-lite";
import { parseHTML } from "linkedom";
import type { ExtractedPage } from "../types";
import { htmlToText } from "./html-text";
import { decodeText } from "./txt";

/** Honours a declared charset (GBK pages saved from old intranets), else detects. */
function decodeHtml(buf: Buffer, path: string): string {
  const head = buf.subarray(0, 4096).toString("latin1");
  const m = head.match(/charset\s*=\s*["']?([\w-]+)/i);
  const cs = m?.[1]?.toLowerCase();
  if (cs && cs !== "utf-8" && cs !== "utf8" && iconv.encodingExists(cs)) return iconv.decode(buf, cs === "gb2312" || cs === "gbk" ? "gb18030" : cs);
  return decodeText(buf, path).text;
}

/** HTML via Readability over linkedom: the main content, not the navigation. */
export async function extractHtml(path: string): Promise<{ pages: ExtractedPage[]; title: string }> {
  const html = decodeHtml(await readFile(path), path);
  const { document } = parseHTML(html);
  const docTitle = (document.querySelector("title")?.textContent ?? "").trim();
  const article = new Readability(document as unknown as Document).parse();
  const text = article?.content ? htmlToText(article.content) : htmlToText(document.body?.innerHTML ?? html);
  return { pages: [{ page: 1, text }], title: (article?.title ?? docTitle).trim() };
}
