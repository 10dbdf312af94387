import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ExtractedPage } from "../types";
import { extractError, type ExtractLimits } from "./limits";

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdfjs-dist's own folders: CMaps and standard fonts ship in the package, so this stays offline. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
}

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

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

/** Text per page in reading order; pages with no text layer are flagged needsOcr. */
export async function extractPdf(path: string, limits: ExtractLimits, signal?: AbortSignal): Promise<{ pages: ExtractedPage[]; info: Record<string, string> }> {
  const lib = await loadPdfJs();
  const data = new Uint8Array(await readFile(path));
  const task = lib.getDocument({ data, ...pdfjsAssets(), cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "PasswordException") throw extractError(`PDF 文件已加密（需要密码），无法读取：${path}。请先解除密码保护。`, String(e));
    throw extractError(`PDF 文件已损坏或不是有效的 PDF：${path}`, String(e));
  }
  try {
    const pages: ExtractedPage[] = [];
    const n = Math.min(doc.numPages, limits.maxPages);
    for (let i = 1; i <= n; i++) {
      if (signal?.aborted) break;
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const text = itemsToText(content.items.flatMap((it) => ("str" in it ? [it as TextItemLike] : [])));
      pages.push(text.replace(/\s/g, "").length === 0 ? { page: i, text: "", needsOcr: true } : { page: i, text });
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    const infoRaw = (meta?.info ?? {}) as Record<string, unknown>;
    const info: Record<string, string> = {};
    for (const k of ["Title", "Author", "Creator", "Producer"]) if (typeof infoRaw[k] === "string" && infoRaw[k]) info[k] = infoRaw[k] as string;
    if (doc.numPages > n) info["truncatedAt"] = String(n);
    return { pages, info };
  } finally {
    await doc.destroy();
  }
}
