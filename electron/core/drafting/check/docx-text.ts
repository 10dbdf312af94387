import { readFile } from "node:fs/promises";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { RpcError } from "../../../common/rpc/wire";
import { guardZip } from "../../ingest/extract/docx";
import { resolveLimits } from "../../ingest/extract/limits";

/**
 * A DOCX's paragraphs as text, one line each, with where each character came
 * from (which <w:t> and where in it), so findings can be fixed in the file
 * itself: only the text of the runs changes, every format stays.
 */
interface TextNode {
  /** Offsets of the node's decoded text in the document XML. */
  xmlStart: number;
  xmlEnd: number;
  text: string;
  /** Offset of its first character in the extracted text. */
  at: number;
}

export interface DocxText {
  text: string;
  nodes: TextNode[];
  xml: string;
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const map: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (map[e.toLowerCase()]) return map[e.toLowerCase()]!;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
const encode = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Reads word/document.xml's paragraphs (in tables too): text runs, tabs and breaks. */
export function readDocxXml(xml: string): DocxText {
  const nodes: TextNode[] = [];
  let text = "";
  const paragraph = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const p of xml.matchAll(paragraph)) {
    if (text) text += "\n";
    const inner = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g;
    for (const m of p[0].matchAll(inner)) {
      if (m[1] === undefined) {
        text += m[0] === "<w:tab/>" ? "\t" : "\n";
        continue;
      }
      const open = m[0].indexOf(">") + 1;
      const xmlStart = p.index + m.index + open;
      const decoded = decode(m[1]);
      nodes.push({ xmlStart, xmlEnd: xmlStart + m[1].length, text: decoded, at: text.length });
      text += decoded;
    }
  }
  return { text, nodes, xml };
}

export async function readDocxText(path: string): Promise<DocxText> {
  await guardZip(path, resolveLimits({}), "word/document.xml");
  const files = unzipSync(new Uint8Array(await readFile(path)), { filter: (f) => f.name === "word/document.xml" });
  const doc = files["word/document.xml"];
  if (!doc) throw new RpcError("INVALID_INPUT", `文件结构不完整（缺少 word/document.xml），可能已损坏：${path}`);
  return readDocxXml(strFromU8(doc));
}

/**
 * Applies replacements (offset/length in the extracted text) to the XML:
 * each replacement goes into the run where its span starts; characters it
 * covers in later runs are removed. Spans that cross a paragraph are skipped.
 */
export function patchDocxXml(d: DocxText, edits: readonly { offset: number; length: number; text: string }[]): { xml: string; applied: number } {
  const perNode = new Map<number, { from: number; to: number; text: string }[]>();
  let applied = 0;
  for (const e of edits) {
    if (d.text.slice(e.offset, e.offset + e.length).includes("\n")) continue;
    if (e.length === 0) continue;
    const touched = d.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.at < e.offset + e.length && n.at + n.text.length > e.offset);
    if (touched.length === 0) continue;
    touched.forEach(({ n, i }, k) => {
      const from = Math.max(0, e.offset - n.at);
      const to = Math.min(n.text.length, e.offset + e.length - n.at);
      const list = perNode.get(i) ?? [];
      list.push({ from, to, text: k === 0 ? e.text : "" });
      perNode.set(i, list);
    });
    applied++;
  }
  let xml = d.xml;
  // From the end of the XML backwards, so earlier offsets stay valid.
  for (const [i, changes] of [...perNode].sort((a, b) => b[0] - a[0])) {
    const n = d.nodes[i]!;
    let t = n.text;
    for (const c of changes.sort((a, b) => b.from - a.from)) t = t.slice(0, c.from) + c.text + t.slice(c.to);
    xml = xml.slice(0, n.xmlStart) + encode(t) + xml.slice(n.xmlEnd);
  }
  // Runs that now start or end with spaces must keep them.
  xml = xml.replace(/<w:t>(?=\s|[^<]*\s<\/w:t>)/g, '<w:t xml:space="preserve">');
  return { xml, applied };
}

/** Writes a copy of the DOCX at `path` with document.xml replaced. */
export async function writeDocxWith(path: string, xml: string): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await readFile(path)));
  files["word/document.xml"] = strToU8(xml);
  return zipSync(files, { level: 6 });
}
