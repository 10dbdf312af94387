import { posix } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { ExtractedPage } from "../types";
import { extractError, type ExtractLimits } from "./limits";
import { openZip, type ZipReader } from "./zip";

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(["DocBody", "TemplatePage", "Layer", "TextObject", "TextCode", "CompositeObject", "PageBlock", "CompositeGraphicUnit", "DocumentRes", "PublicRes", "Template"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

interface Glyph {
  x: number;
  y: number;
  text: string;
}

function arr(v: unknown): XmlNode[] {
  return Array.isArray(v) ? (v as XmlNode[]) : v ? [v as XmlNode] : [];
}
function attr(n: XmlNode, name: string): string | undefined {
  const v = n[`@${name}`];
  return v === undefined ? undefined : String(v);
}
function textOf(n: unknown): string {
  if (typeof n === "string") return n;
  if (n && typeof n === "object" && "#text" in n) return String((n as XmlNode)["#text"]);
  return "";
}
/** Resolves an OFD location: absolute from the package root, else relative to the referring file's folder. */
function resolveLoc(base: string, loc: string): string {
  const clean = loc.trim().replace(/\\/g, "/");
  return clean.startsWith("/") ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(base), clean));
}
function boundary(n: XmlNode): [number, number] {
  const parts = (attr(n, "Boundary") ?? "0 0 0 0").trim().split(/\s+/).map(Number);
  return [parts[0] || 0, parts[1] || 0];
}

/**
 * Walks page content: TextObject/TextCode, PageBlock nesting and
 * CompositeObject -> CompositeGraphicUnit from the resources. Offsets are
 * the Boundary origins; TextCode X/Y are relative to their TextObject.
 */
function collect(content: XmlNode | undefined, ox: number, oy: number, units: Map<string, XmlNode>, out: Glyph[], depth = 0): void {
  if (!content || depth > 8) return;
  for (const layer of [...arr(content["Layer"]), ...arr(content["PageBlock"])]) {
    collect(layer, ox, oy, units, out, depth + 1);
  }
  for (const to of arr(content["TextObject"])) {
    const [bx, by] = boundary(to);
    // CTM (a b c d e f) maps TextCode X/Y into the object's box.
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = (attr(to, "CTM") ?? "1 0 0 1 0 0").trim().split(/\s+/).map(Number);
    for (const tc of arr(to["TextCode"])) {
      const text = textOf(tc);
      if (!text.trim()) continue;
      const x = Number(attr(tc, "X") ?? 0) || 0;
      const y = Number(attr(tc, "Y") ?? 0) || 0;
      out.push({ x: ox + bx + a * x + c * y + e, y: oy + by + b * x + d * y + f, text });
    }
  }
  for (const co of arr(content["CompositeObject"])) {
    const unit = units.get(attr(co, "ResourceID") ?? "");
    if (!unit) continue;
    const [bx, by] = boundary(co);
    collect(unit["Content"] as XmlNode | undefined, ox + bx, oy + by, units, out, depth + 1);
  }
}

/** Orders glyph runs top-to-bottom (lines within ~1.5 mm), then left-to-right. */
export function glyphsToText(glyphs: Glyph[]): string {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Glyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - g.y) < 1.5) line.push(g);
    else lines.push([g]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x).map((g) => g.text).join("")).join("\n");
}

async function readXml(zip: ZipReader, name: string, path: string): Promise<XmlNode> {
  if (!zip.has(name)) throw extractError(`OFD 文件不完整：缺少 ${name}：${path}`);
  try {
    return parser.parse((await zip.read(name)).toString("utf8")) as XmlNode;
  } catch (e) {
    throw extractError(`OFD 文件中的 ${name} 无法解析：${path}`, String(e));
  }
}

/** OFD (GB/T 33190): OFD.xml -> Document.xml -> pages (+ their templates) -> text in position order. */
export async function extractOfd(path: string, limits: ExtractLimits): Promise<ExtractedPage[]> {
  const zip = await openZip(path, limits.maxUnzippedBytes);
  try {
    const ofd = (await readXml(zip, "OFD.xml", path))["OFD"] as XmlNode | undefined;
    const docRoot = textOf(arr(ofd?.["DocBody"])[0]?.["DocRoot"]).trim();
    if (!docRoot) throw extractError(`OFD 文件缺少文档入口（DocRoot）：${path}`);
    const docPath = resolveLoc("OFD.xml", docRoot);
    const document = (await readXml(zip, docPath, path))["Document"] as XmlNode;
    const common = (document["CommonData"] ?? {}) as XmlNode;

    const units = new Map<string, XmlNode>();
    for (const res of [...arr(common["DocumentRes"]), ...arr(common["PublicRes"])]) {
      const resPath = resolveLoc(docPath, textOf(res));
      if (!zip.has(resPath)) continue;
      const r = (await readXml(zip, resPath, path))["Res"] as XmlNode | undefined;
      for (const u of arr((r?.["CompositeGraphicUnits"] as XmlNode | undefined)?.["CompositeGraphicUnit"])) units.set(attr(u, "ID") ?? "", u);
    }
    const templates = new Map<string, string>();
    for (const t of arr(common["TemplatePage"])) templates.set(attr(t, "ID") ?? "", resolveLoc(docPath, attr(t, "BaseLoc") ?? ""));

    const pages: ExtractedPage[] = [];
    const list = arr((document["Pages"] as XmlNode | undefined)?.["Page"]).slice(0, limits.maxPages);
    for (const [i, p] of list.entries()) {
      const pagePath = resolveLoc(docPath, attr(p, "BaseLoc") ?? "");
      const page = (await readXml(zip, pagePath, path))["Page"] as XmlNode | undefined;
      const glyphs: Glyph[] = [];
      for (const t of arr(page?.["Template"])) {
        const tplPath = templates.get(attr(t, "TemplateID") ?? "");
        if (!tplPath || !zip.has(tplPath)) continue;
        const tpl = (await readXml(zip, tplPath, path))["Page"] as XmlNode | undefined;
        collect(tpl?.["Content"] as XmlNode | undefined, 0, 0, units, glyphs);
      }
      collect(page?.["Content"] as XmlNode | undefined, 0, 0, units, glyphs);
      const text = glyphsToText(glyphs);
      pages.push(text ? { page: i + 1, text } : { page: i + 1, text: "", needsOcr: true });
    }
    if (pages.length === 0) throw extractError(`OFD 文件没有页面：${path}`);
    return pages;
  } finally {
    zip.close();
  }
}
