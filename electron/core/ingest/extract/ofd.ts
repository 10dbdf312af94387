import { posix } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { ExtractedPage } from "../types";
import { layoutPage } from "./layout";
import type { Ruling, TextBox } from "./layout/types";
import { extractError, type ExtractLimits } from "./limits";
import { openZip, type ZipReader } from "./zip";

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(["DocBody", "TemplatePage", "Layer", "TextObject", "TextCode", "PathObject", "CompositeObject", "PageBlock", "CompositeGraphicUnit", "DocumentRes", "PublicRes", "Template"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

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
function numbers(v: string | undefined, fallback: number[]): number[] {
  if (!v) return fallback;
  const out = v.trim().split(/\s+/).map(Number);
  return out.every((x) => Number.isFinite(x)) ? out : fallback;
}

/** DeltaX / DeltaY with the "g count value" repeat syntax, expanded. */
export function deltas(v: string | undefined): number[] {
  if (!v) return [];
  const tokens = v.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === "g") {
      const n = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      for (let k = 0; k < n && k < 10_000; k++) out.push(d);
      i += 2;
    } else out.push(Number(tokens[i]) || 0);
  }
  return out;
}

interface Page {
  boxes: TextBox[];
  rulings: Ruling[];
}

/**
 * Walks page content: TextObject/TextCode, PathObject rulings, PageBlock
 * nesting and CompositeObject -> CompositeGraphicUnit from the resources.
 * Offsets are the Boundary origins; TextCode X/Y are mapped by the object's
 * CTM; run widths come from DeltaX (or the font size per character).
 */
function collect(content: XmlNode | undefined, ox: number, oy: number, units: Map<string, XmlNode>, out: Page, depth = 0): void {
  if (!content || depth > 8) return;
  for (const layer of [...arr(content["Layer"]), ...arr(content["PageBlock"])]) collect(layer, ox, oy, units, out, depth + 1);
  for (const to of arr(content["TextObject"])) {
    const [bx = 0, by = 0] = numbers(attr(to, "Boundary"), [0, 0, 0, 0]);
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers(attr(to, "CTM"), [1, 0, 0, 1, 0, 0]);
    const size = Number(attr(to, "Size") ?? 3.5) || 3.5;
    const scale = Math.hypot(c, d) || 1;
    for (const tc of arr(to["TextCode"])) {
      const text = textOf(tc);
      if (!text.trim()) continue;
      const x = Number(attr(tc, "X") ?? 0) || 0;
      const y = Number(attr(tc, "Y") ?? 0) || 0;
      const dx = deltas(attr(tc, "DeltaX"));
      const dy = deltas(attr(tc, "DeltaY"));
      const chars = [...text];
      const at = (px: number, py: number): [number, number] => [ox + bx + a * px + c * py + e, oy + by + b * px + d * py + f];
      if (dy.length && !dx.length) {
        // Vertical text: each character on its own line, top to bottom.
        let py = y;
        chars.forEach((ch, i) => {
          const [gx, gy] = at(x, py);
          out.boxes.push({ x: gx, y: gy, w: size * scale, h: size * scale, text: ch });
          py += dy[i] ?? size;
        });
        continue;
      }
      const advance = chars.slice(0, -1).reduce((sum, _, i) => sum + (dx[i] ?? size), 0) + size;
      const [gx, gy] = at(x, y);
      out.boxes.push({ x: gx, y: gy, w: advance * (Math.hypot(a, b) || 1), h: size * scale, text });
    }
  }
  for (const po of arr(content["PathObject"])) {
    const [bx = 0, by = 0, bw = 0, bh = 0] = numbers(attr(po, "Boundary"), [0, 0, 0, 0]);
    const x = ox + bx;
    const y = oy + by;
    // Table borders and form grids are drawn as thin boxes (filled or stroked).
    if (bh <= 1 && bw > 1) out.rulings.push({ x0: x, x1: x + bw, y0: y + bh / 2, y1: y + bh / 2 });
    else if (bw <= 1 && bh > 1) out.rulings.push({ x0: x + bw / 2, x1: x + bw / 2, y0: y, y1: y + bh });
  }
  for (const co of arr(content["CompositeObject"])) {
    const unit = units.get(attr(co, "ResourceID") ?? "");
    if (!unit) continue;
    const [bx = 0, by = 0] = numbers(attr(co, "Boundary"), [0, 0, 0, 0]);
    collect(unit["Content"] as XmlNode | undefined, ox + bx, oy + by, units, out, depth + 1);
  }
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
export async function extractOfd(path: string, limits: ExtractLimits): Promise<{ pages: ExtractedPage[]; title?: string }> {
  const zip = await openZip(path, limits.maxUnzippedBytes);
  try {
    const ofd = (await readXml(zip, "OFD.xml", path))["OFD"] as XmlNode | undefined;
    const body = arr(ofd?.["DocBody"])[0];
    const docRoot = textOf(body?.["DocRoot"]).trim();
    const title = textOf((body?.["DocInfo"] as XmlNode | undefined)?.["Title"]).trim();
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
      const geom: Page = { boxes: [], rulings: [] };
      for (const t of arr(page?.["Template"])) {
        const tplPath = templates.get(attr(t, "TemplateID") ?? "");
        if (!tplPath || !zip.has(tplPath)) continue;
        const tpl = (await readXml(zip, tplPath, path))["Page"] as XmlNode | undefined;
        collect(tpl?.["Content"] as XmlNode | undefined, 0, 0, units, geom);
      }
      collect(page?.["Content"] as XmlNode | undefined, 0, 0, units, geom);
      const text = layoutPage({ width: 210, height: 297, ...geom }, 0.8);
      pages.push(text ? { page: i + 1, text } : { page: i + 1, text: "", needsOcr: true });
    }
    if (pages.length === 0) throw extractError(`OFD 文件没有页面：${path}`);
    return { pages, ...(title ? { title } : {}) };
  } finally {
    zip.close();
  }
}
