import WordExtractor from "word-extractor";
import type { ExtractedPage } from "../types";
import { extractError } from "./limits";

/** Drops C0 controls except tab and newlines (field-code marks leak as 0x13-0x15). */
function stripControls(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 32 || c === 9 || c === 10 || c === 13) out += ch;
  }
  return out;
}

/** Legacy binary Word (.doc, and .wps saved by WPS Office in the same OLE format) via word-extractor. */
export async function extractDoc(path: string): Promise<ExtractedPage[]> {
  let text: string;
  try {
    const doc = await new WordExtractor().extract(path);
    // Red headers and 发文字号 often sit in text boxes; keep them before the body.
    const boxes = doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }).trim();
    text = [boxes, doc.getBody(), doc.getFootnotes(), doc.getEndnotes()].filter((t) => t.trim()).join("\n");
  } catch (e) {
    throw extractError(`Word 97-2003 文档已损坏或无法读取：${path}`, String(e));
  }
  // Field codes (DOCVARIABLE …) leak as control characters; drop them.
  text = stripControls(text).replace(/\r\n?/g, "\n");
  return [{ page: 1, text: text.trim() }];
}
