import { readFile } from "node:fs/promises";
import * as CFB from "cfb";
import type { ExtractedPage } from "../types";
import { DocFormatError, FC, readFib, structure } from "./doc/fib";
import { DocLists } from "./doc/lists";
import { CharStream, readClx } from "./doc/pieces";
import { Properties } from "./doc/props";
import { StoryReader } from "./doc/read";
import { summaryTitle } from "./doc/summary";
import { shapeAnchors, textboxStories } from "./doc/textboxes";
import { extractError } from "./limits";

export interface DocResult {
  pages: ExtractedPage[];
  /** The document-properties title (SummaryInformation), when set. */
  title?: string;
}

function stream(cfb: CFB.CFB$Container, name: string): Buffer | null {
  const e = CFB.find(cfb, name);
  return e?.content ? Buffer.from(e.content as Uint8Array) : null;
}

/**
 * The text of a Word 97–2003 binary document (.doc, and .wps saved in the
 * same format), read through its piece table so that fast-saved and complex
 * files come out whole. Textboxes (red headers, 发文字号) are placed at their
 * anchor paragraph; footnotes and endnotes follow the body. Headers and
 * footers (page numbers, running titles) and comments are left out.
 */
export function readDoc(bytes: Buffer): { text: string; title?: string } {
  const cfb = CFB.read(bytes, { type: "buffer" });
  const word = stream(cfb, "WordDocument");
  if (!word) throw new DocFormatError("no WordDocument stream");
  const fib = readFib(word);
  if (fib.encrypted) throw new DocFormatError("encrypted");
  const table = stream(cfb, fib.tableStream);
  if (!table) throw new DocFormatError(`no ${fib.tableStream} stream`);
  const clx = structure(fib, table, FC.clx);
  if (!clx) throw new DocFormatError("no piece table");
  const chars = new CharStream(word, readClx(clx));
  const reader = new StoryReader(chars, new Properties(fib, table, chars), new DocLists(fib, table));

  const c = fib.ccp;
  const main = Math.min(c.text, chars.length);
  const txbxStart = c.text + c.ftn + c.hdd + c.atn + c.edn;
  const boxes = new Map<number, string[]>();
  const anchors = shapeAnchors(fib, table);
  const loose: string[] = [];
  for (const b of textboxStories(fib, table)) {
    const lines = reader.read(txbxStart + b.start, Math.min(txbxStart + b.end, chars.length)).filter((l) => l.trim());
    if (!lines.length) continue;
    const at = anchors.get(b.lid);
    if (at === undefined) loose.push(...lines);
    else boxes.set(at, [...(boxes.get(at) ?? []), ...lines]);
  }
  // Each anchored textbox goes before the paragraph holding its anchor.
  const anchorCps = [...boxes.keys()].sort((a, b) => a - b);
  const inserts = new Map<number, string[]>();
  let next = 0;
  const body = reader.read(0, main, (_start, end, lineIndex) => {
    for (; next < anchorCps.length && anchorCps[next]! < end; next++) inserts.set(lineIndex, [...(inserts.get(lineIndex) ?? []), ...boxes.get(anchorCps[next]!)!]);
  });
  for (; next < anchorCps.length; next++) loose.push(...boxes.get(anchorCps[next]!)!);
  const out: string[] = [...loose];
  body.forEach((line, i) => {
    out.push(...(inserts.get(i) ?? []), line);
  });
  for (const [i, lines] of inserts) if (i >= body.length) out.push(...lines);
  const notes = [[c.text, c.text + c.ftn], [c.text + c.ftn + c.hdd + c.atn, c.text + c.ftn + c.hdd + c.atn + c.edn]] as const;
  for (const [a, b] of notes) if (b > a) out.push(...reader.read(a, Math.min(b, chars.length)));
  const title = summaryTitle(stream(cfb, "\u0005SummaryInformation"));
  return { text: out.join("\n"), ...(title ? { title } : {}) };
}

/** Legacy binary Word (.doc, and .wps saved by WPS Office in the same format). */
export async function extractDoc(path: string): Promise<DocResult> {
  let r: { text: string; title?: string };
  try {
    r = readDoc(await readFile(path));
  } catch (e) {
    if (e instanceof DocFormatError && e.message === "encrypted") throw extractError(`Word 文档已加密（需要密码），无法读取：${path}。请先取消密码保护。`);
    if (e instanceof DocFormatError && e.message.startsWith("Word 6.0/95")) throw extractError(`这是 Word 6.0/95 格式的旧文档，暂不支持：${path}。请用 Word 或 WPS 另存为 .docx 后再添加。`, e.message);
    throw extractError(`Word 97-2003 文档已损坏或无法读取：${path}`, String(e));
  }
  return { pages: [{ page: 1, text: r.text }], ...(r.title ? { title: r.title } : {}) };
}
