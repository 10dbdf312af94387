import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import iconv from "iconv-lite";
import type { CheckResult, Finding } from "../../../common/contracts/drafting";
import type { DocKind } from "../../../common/contracts/doc-kinds";
import { applyFindings } from "../../../common/drafting/fix";
import { RpcError } from "../../../common/rpc/wire";
import { extractFile } from "../../ingest/extract/index";
import { decodeText } from "../../ingest/extract/txt";
import { checkText } from "./check";
import { patchDocxXml, readDocxText, writeDocxWith } from "./docx-text";

/**
 * The 规范性检查 of a file the user opens: DOCX (its paragraphs, fixable in
 * place) and TXT (any encoding GovDesk reads; fixed in the same encoding);
 * PDF, OFD, DOC/WPS and HTML through the extractors, checked but not fixed.
 */
type Loaded = { kind: "docx"; text: string; docx: Awaited<ReturnType<typeof readDocxText>> } | { kind: "txt"; text: string; encoding: string; crlf: boolean; bom: boolean } | { kind: "other"; text: string };

async function load(path: string): Promise<Loaded> {
  const ext = extname(path).toLowerCase();
  if (ext === ".docx") {
    const docx = await readDocxText(path);
    return { kind: "docx", text: docx.text, docx };
  }
  if (ext === ".txt" || ext === ".text" || ext === ".md") {
    const buf = await readFile(path);
    const { text, encoding } = decodeText(buf, path);
    return { kind: "txt", text: text.replace(/\r\n?/g, "\n"), encoding, crlf: text.includes("\r\n"), bom: buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf };
  }
  const doc = await extractFile(path);
  return { kind: "other", text: doc.pages.map((p) => p.text).join("\n") };
}

export async function checkFile(path: string, kind?: DocKind): Promise<CheckResult> {
  const loaded = await load(path);
  if (!loaded.text.trim()) throw new RpcError("INVALID_INPUT", `文件中没有可检查的文字（可能是扫描件）：${path}`);
  return checkText(loaded.text, kind);
}

/**
 * Writes `out`: the file with every finding that has a suggestion applied.
 * Returns the findings applied and those left (no suggestion, or overlapping).
 */
export async function fixFile(path: string, out: string, kind?: DocKind): Promise<{ result: CheckResult; applied: Finding[]; after: CheckResult }> {
  const loaded = await load(path);
  const result = checkText(loaded.text, kind);
  const fixable = result.findings.filter((f) => f.suggestion !== null);
  const { text, applied } = applyFindings(loaded.text, fixable);
  try {
    if (loaded.kind === "docx") {
      const { xml } = patchDocxXml(
        loaded.docx,
        applied.map((f) => ({ offset: f.offset, length: f.excerpt.length, text: f.suggestion ?? "" })),
      );
      if (extname(out).toLowerCase() !== ".docx") throw new RpcError("INVALID_INPUT", `修正后的 Word 文件应保存为 .docx：${out}`);
      await writeFile(out, await writeDocxWith(path, xml));
    } else if (loaded.kind === "txt") {
      const body = loaded.crlf ? text.replace(/\n/g, "\r\n") : text;
      const bytes = loaded.encoding === "UTF-8" ? Buffer.concat([loaded.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, "utf8")]) : iconv.encode(body, loaded.encoding);
      await writeFile(out, bytes);
    } else {
      throw new RpcError("INVALID_INPUT", `只能直接修正 DOCX 和 TXT 文件；${extname(path) || "此类"}文件请按检查结果在原文档中修改。`);
    }
  } catch (e) {
    if (e instanceof RpcError) throw e;
    throw new RpcError("INVALID_INPUT", `无法写入“${out}”：请检查目录是否存在、是否有写权限。`, String(e));
  }
  return { result, applied, after: checkText(text, kind) };
}
