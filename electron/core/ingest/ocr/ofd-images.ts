import { posix } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { DEFAULT_LIMITS, extractError } from "../extract/limits";
import { openZip, type ZipReader } from "../extract/zip";
import { decodeImageBuffer } from "./image-file";
import { canvasOf, rasterOf, type Raster } from "./raster";
import { OCR_DPI } from "./render-pdf";

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  // "Page" is a list only inside Pages: a page's own file has one Page at its root.
  isArray: (name, jpath) => ["DocBody", "Layer", "PageBlock", "ImageObject", "MultiMedia", "DocumentRes", "PublicRes"].includes(name) || String(jpath).endsWith("Pages.Page"),
});

function arr(v: unknown): XmlNode[] {
  return Array.isArray(v) ? (v as XmlNode[]) : v ? [v as XmlNode] : [];
}
function attr(n: XmlNode | undefined, name: string): string | undefined {
  const v = n?.[`@${name}`];
  return v === undefined ? undefined : String(v);
}
function textOf(n: unknown): string {
  if (typeof n === "string") return n;
  if (n && typeof n === "object" && "#text" in n) return String((n as XmlNode)["#text"]);
  return "";
}
function resolveLoc(base: string, loc: string): string {
  const clean = loc.trim().replace(/\\/g, "/");
  return clean.startsWith("/") ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(base), clean));
}
function numbers(s: string | undefined, n: number): number[] {
  const parts = (s ?? "").trim().split(/\s+/).map(Number);
  return Array.from({ length: n }, (_, i) => (Number.isFinite(parts[i]) ? parts[i]! : 0));
}

interface Placed {
  resource: string;
  /** Millimetres from the page's top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
}

function images(content: XmlNode | undefined, ox: number, oy: number, out: Placed[], depth = 0): void {
  if (!content || depth > 8) return;
  for (const layer of [...arr(content["Layer"]), ...arr(content["PageBlock"])]) images(layer, ox, oy, out, depth + 1);
  for (const io of arr(content["ImageObject"])) {
    const [x, y, w, h] = numbers(attr(io, "Boundary"), 4);
    if (w! > 0 && h! > 0) out.push({ resource: attr(io, "ResourceID") ?? "", x: ox + x!, y: oy + y!, w: w!, h: h! });
  }
}

/**
 * An OFD page drawn from its images only, at OCR resolution: for pages with
 * no text objects whose content is a scan (ImageObject → MultiMedia in
 * DocumentRes/PublicRes). PNG, JPEG, BMP and TIFF media are drawn; others
 * (JBIG2) are refused by name.
 */
export async function openOfdImages(path: string): Promise<{ image(page: number): Promise<Raster>; close(): Promise<void> }> {
  const zip: ZipReader = await openZip(path, DEFAULT_LIMITS.maxUnzippedBytes);
  const xml = async (name: string): Promise<XmlNode> => {
    if (!zip.has(name)) throw extractError(`OFD 文件不完整：缺少 ${name}：${path}`);
    return parser.parse((await zip.read(name)).toString("utf8")) as XmlNode;
  };
  const ofd = (await xml("OFD.xml"))["OFD"] as XmlNode | undefined;
  const docPath = resolveLoc("OFD.xml", textOf(arr(ofd?.["DocBody"])[0]?.["DocRoot"]));
  const document = (await xml(docPath))["Document"] as XmlNode;
  const common = (document["CommonData"] ?? {}) as XmlNode;
  const [, , pw, ph] = numbers(textOf((common["PageArea"] as XmlNode | undefined)?.["PhysicalBox"]), 4);
  const media = new Map<string, string>();
  for (const res of [...arr(common["DocumentRes"]), ...arr(common["PublicRes"])]) {
    const resPath = resolveLoc(docPath, textOf(res));
    if (!zip.has(resPath)) continue;
    const r = (await xml(resPath))["Res"] as XmlNode | undefined;
    const base = resolveLoc(resPath, `${attr(r, "BaseLoc") ?? "."}/x`);
    for (const m of arr((r?.["MultiMedias"] as XmlNode | undefined)?.["MultiMedia"])) media.set(attr(m, "ID") ?? "", resolveLoc(base, textOf(m["MediaFile"])));
  }
  const pages = arr((document["Pages"] as XmlNode | undefined)?.["Page"]);
  return {
    image: async (n) => {
      const p = pages[n - 1];
      const pagePath = resolveLoc(docPath, attr(p, "BaseLoc") ?? "");
      const page = (await xml(pagePath))["Page"] as XmlNode | undefined;
      const [, , aw, ah] = numbers(textOf((page?.["Area"] as XmlNode | undefined)?.["PhysicalBox"]), 4);
      const placed: Placed[] = [];
      images(page?.["Content"] as XmlNode | undefined, 0, 0, placed);
      const mm = OCR_DPI / 25.4;
      const { createCanvas } = await import("@napi-rs/canvas");
      const canvas = createCanvas(Math.round((aw || pw || 210) * mm), Math.round((ah || ph || 297) * mm));
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      for (const im of placed) {
        const file = media.get(im.resource);
        if (!file || !zip.has(file)) continue;
        const raster = await decodeImageBuffer(await zip.read(file), `${path}:${file}`);
        ctx.drawImage(canvasOf(raster), im.x * mm, im.y * mm, im.w * mm, im.h * mm);
      }
      return rasterOf(canvas);
    },
    close: async () => zip.close(),
  };
}
