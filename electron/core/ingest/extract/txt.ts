import { readFile } from "node:fs/promises";
import chardet from "chardet";
import iconv from "iconv-lite";
import type { ExtractedPage } from "../types";
import { extractError } from "./limits";

/**
 * Decodes a text file: BOM (UTF-8/UTF-16), else strict UTF-8, else the
 * detected legacy encoding (GB18030 covers GBK/GB2312; Big5 when detected).
 * Binary data is refused instead of becoming mojibake in the index.
 */
export function decodeText(buf: Buffer, path: string): { text: string; encoding: string } {
  if (looksBinary(buf)) throw extractError(`文件不是文本文件（包含二进制内容）：${path}`);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString("utf8"), encoding: "UTF-8" };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), "utf16le"), encoding: "UTF-16LE" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), "utf16be"), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "UTF-8" };
  } catch {
    // not UTF-8: a legacy Chinese encoding
  }
  const guess = (chardet.detect(buf) ?? "").toUpperCase();
  const encoding = guess.startsWith("BIG5") ? "Big5" : guess.startsWith("UTF-16") && iconv.encodingExists(guess) ? guess : "GB18030";
  const text = iconv.decode(buf, encoding);
  if (replacementRatio(text) > 0.05) throw extractError(`无法识别文件的文字编码：${path}。请另存为 UTF-8 后再添加。`);
  return { text, encoding };
}

/** NUL bytes (outside UTF-16) or many control characters mean binary. */
function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 64 * 1024);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (utf16) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / Math.max(1, sample.length) > 0.02;
}

function replacementRatio(text: string): number {
  let bad = 0;
  for (const ch of text) if (ch === "\uFFFD") bad++;
  return bad / Math.max(1, text.length);
}

/** Form feeds split pages; otherwise the whole text is page 1. */
export async function extractTxt(path: string): Promise<{ pages: ExtractedPage[]; encoding: string }> {
  const { text, encoding } = decodeText(await readFile(path), path);
  const parts = text.replace(/\r\n?/g, "\n").split("\f");
  return { pages: parts.map((t, i) => ({ page: i + 1, text: t.trim() })), encoding };
}
