import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

/**
 * Renders a DOCX to PDF with LibreOffice (Debian's libreoffice-writer-nogui,
 * a test dependency installed by .ci/run) and reads back where things are,
 * with pdfjs: text lines (baseline and extent in mm from the page's top-left)
 * and horizontal rules (the red line, the 版记 lines). Tests only.
 */
const run = promisify(execFile);
const PT_MM = 25.4 / 72;

export const SOFFICE = process.env["GOVDESK_SOFFICE"] ?? "/usr/bin/soffice";
export function hasSoffice(): boolean {
  return existsSync(SOFFICE);
}

/** Converts `docx` to a PDF next to it (own LibreOffice profile, so parallel runs do not collide); returns its path. */
export async function renderPdf(docx: string, workDir: string): Promise<string> {
  const profile = join(workDir, "lo-profile");
  mkdirSync(profile, { recursive: true });
  await run(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", workDir, docx], { timeout: 180_000 });
  const pdf = join(workDir, basename(docx).replace(/\.docx$/i, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return pdf;
}

export interface TextLine {
  /** Baseline, mm from the page's top edge. */
  baseline: number;
  x0: number;
  x1: number;
  /** Font size, pt. */
  size: number;
  /** The line's text with the spaces pdfjs adds between runs removed. */
  text: string;
}

export interface Rule {
  /** mm from the top edge. */
  y: number;
  x0: number;
  x1: number;
  /** Stroke width, pt. */
  width: number;
  color: string;
}

export interface PageLayout {
  width: number;
  height: number;
  lines: TextLine[];
  rules: Rule[];
}

export async function readLayout(pdfPath: string): Promise<PageLayout[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(pdfPath)),
    cMapUrl: join(root, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(root, "standard_fonts") + "/",
  }).promise;
  const pages: PageLayout[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const byBaseline = new Map<number, { x: number; end: number; str: string; size: number }[]>();
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const y = Math.round((vp.height - item.transform[5]!) * 100) / 100;
      const key = [...byBaseline.keys()].find((k) => Math.abs(k - y) < 0.5) ?? y;
      const list = byBaseline.get(key) ?? [];
      list.push({ x: item.transform[4]!, end: item.transform[4]! + item.width, str: item.str, size: Math.abs(item.transform[0]!) || item.height });
      byBaseline.set(key, list);
    }
    const lines = [...byBaseline]
      .map(([y, items]) => {
        items.sort((a, b) => a.x - b.x);
        return {
          baseline: y * PT_MM,
          x0: items[0]!.x * PT_MM,
          x1: Math.max(...items.map((i) => i.end)) * PT_MM,
          size: Math.max(...items.map((i) => i.size)),
          text: items.map((i) => i.str).join("").replace(/\s+/g, (s, at: number, all: string) => (/[—–]/.test(all[at - 1] ?? "") || /[—–]/.test(all[at + s.length] ?? "") ? " " : "")),
        };
      })
      .sort((a, b) => a.baseline - b.baseline);
    pages.push({ width: vp.width * PT_MM, height: vp.height * PT_MM, lines, rules: await rulesOf(page, vp.height, pdfjs.OPS) });
  }
  await pdf.destroy();
  return pages;
}

/** Horizontal strokes (lines drawn with moveTo/lineTo at one height), with the stroke colour and width in force. */
async function rulesOf(page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> }, height: number, OPS: Record<string, number>): Promise<Rule[]> {
  const ol = await page.getOperatorList();
  const rules: Rule[] = [];
  const stack: { color: string; width: number }[] = [];
  let state = { color: "#000000", width: 1 };
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const args = ol.argsArray[i] as unknown[];
    if (fn === OPS["save"]) stack.push({ ...state });
    else if (fn === OPS["restore"]) state = stack.pop() ?? state;
    else if (fn === OPS["setStrokeRGBColor"]) state.color = String(args[0]);
    else if (fn === OPS["setLineWidth"]) state.width = Number(args[0]);
    else if (fn === OPS["constructPath"]) {
      const minMax = args[2] as Record<string, number> | undefined;
      if (!minMax) continue;
      const [x0, y0, x1, y1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
      if (Math.abs(y1 - y0) < 0.01 && x1 - x0 > 5) rules.push({ y: (height - y0) * PT_MM, x0: x0 * PT_MM, x1: x1 * PT_MM, width: state.width, color: state.color });
    }
  }
  return rules;
}

/** Characters on a line as the grid counts them (CJK 1, ASCII ½), spaces ignored. */
export function gridChars(text: string): number {
  let n = 0;
  for (const c of text.replace(/\s/g, "")) n += /[\x21-\x7e]/.test(c) ? 0.5 : 1;
  return n;
}
