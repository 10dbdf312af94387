import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";

/**
 * Reads an exported DOCX back for tests: its parts, and document.xml as a
 * list of paragraphs (with their section, style, alignment, indents, borders
 * and runs: text, typeface, size, colour, spacing, scale) and tables.
 */
type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, trimValues: false, parseTagValue: false, parseAttributeValue: false });

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith(".xml") || n.endsWith(".rels")).map(([n, b]) => [n, strFromU8(b)]));
}

const tag = (n: Node): string => Object.keys(n).find((k) => k !== ":@")!;
const kids = (n: Node): Node[] => (n[tag(n)] as Node[]) ?? [];
const attrs = (n: Node | undefined): Record<string, string> => n?.[":@"] ?? {};
const child = (n: Node, name: string): Node | undefined => kids(n).find((c) => tag(c) === name);

export interface RunInfo {
  text: string;
  font?: string;
  size?: number;
  color?: string;
  spacing?: number;
  scale?: number;
  field?: string;
}

export interface ParaInfo {
  section: number;
  inTable: boolean;
  style?: string;
  jc?: string;
  ind: Record<string, string>;
  spacing: Record<string, string>;
  borders: Record<string, Record<string, string>>;
  pageBreakBefore: boolean;
  runs: RunInfo[];
  text: string;
}

export interface DocInfo {
  paragraphs: ParaInfo[];
  /** Each section's sectPr attributes (page size, margins, grid, type, titlePage). */
  sections: { pgSz: Record<string, string>; pgMar: Record<string, string>; docGrid: Record<string, string>; type?: string; titlePage: boolean; footers: Record<string, string>; headers: Record<string, string> }[];
  tables: { section: number; tblpPr: Record<string, string>; borders: Record<string, Record<string, string>>; paragraphs: ParaInfo[] }[];
}

function runInfo(r: Node): RunInfo[] {
  const rPr = child(r, "w:rPr");
  const base: Omit<RunInfo, "text"> = {};
  if (rPr) {
    const fonts = attrs(child(rPr, "w:rFonts"));
    if (fonts["w:eastAsia"]) base.font = fonts["w:eastAsia"];
    const sz = attrs(child(rPr, "w:sz"))["w:val"];
    if (sz) base.size = Number(sz);
    const color = attrs(child(rPr, "w:color"))["w:val"];
    if (color) base.color = color;
    const sp = attrs(child(rPr, "w:spacing"))["w:val"];
    if (sp) base.spacing = Number(sp);
    const w = attrs(child(rPr, "w:w"))["w:val"];
    if (w) base.scale = Number(w);
  }
  let text = "";
  let field: string | undefined;
  for (const c of kids(r)) {
    const t = tag(c);
    if (t === "w:t") text += kids(c).map((x) => String((x as { "#text"?: unknown })["#text"] ?? "")).join("");
    else if (t === "w:tab") text += "\t";
    else if (t === "w:br") text += "\n";
    else if (t === "w:instrText") field = kids(c).map((x) => String((x as { "#text"?: unknown })["#text"] ?? "")).join("").trim();
  }
  return [{ ...base, text, ...(field ? { field } : {}) }];
}

function paraInfo(p: Node, section: number, inTable: boolean): ParaInfo {
  const pPr = child(p, "w:pPr");
  const borders: ParaInfo["borders"] = {};
  const bdr = pPr && child(pPr, "w:pBdr");
  if (bdr) for (const b of kids(bdr)) borders[tag(b).replace("w:", "")] = attrs(b);
  const runs = kids(p)
    .filter((c) => tag(c) === "w:r")
    .flatMap(runInfo);
  return {
    section,
    inTable,
    ...(pPr && child(pPr, "w:pStyle") ? { style: attrs(child(pPr, "w:pStyle"))["w:val"] } : {}),
    ...(pPr && child(pPr, "w:jc") ? { jc: attrs(child(pPr, "w:jc"))["w:val"] } : {}),
    ind: pPr ? attrs(child(pPr, "w:ind")) : {},
    spacing: pPr ? attrs(child(pPr, "w:spacing")) : {},
    borders,
    pageBreakBefore: !!(pPr && child(pPr, "w:pageBreakBefore")),
    runs,
    text: runs.map((r) => r.text).join(""),
  };
}

function sectInfo(s: Node): DocInfo["sections"][number] {
  const refs = (name: string) => Object.fromEntries(kids(s).filter((c) => tag(c) === name).map((c) => [attrs(c)["w:type"] ?? "default", attrs(c)["r:id"] ?? ""]));
  return {
    pgSz: attrs(child(s, "w:pgSz")),
    pgMar: attrs(child(s, "w:pgMar")),
    docGrid: attrs(child(s, "w:docGrid")),
    ...(child(s, "w:type") ? { type: attrs(child(s, "w:type"))["w:val"] } : {}),
    titlePage: !!child(s, "w:titlePg"),
    footers: refs("w:footerReference"),
    headers: refs("w:headerReference"),
  };
}

export function readDocument(xml: string): DocInfo {
  const root = parser.parse(xml) as Node[];
  const doc = root.find((n) => tag(n) === "w:document")!;
  const body = child(doc, "w:body")!;
  const info: DocInfo = { paragraphs: [], sections: [], tables: [] };
  let section = 0;
  for (const n of kids(body)) {
    const t = tag(n);
    if (t === "w:p") {
      info.paragraphs.push(paraInfo(n, section, false));
      const sect = child(child(n, "w:pPr") ?? ({ x: [] } as Node), "w:sectPr");
      if (sect) {
        info.sections.push(sectInfo(sect));
        section++;
      }
    } else if (t === "w:tbl") {
      const tblPr = child(n, "w:tblPr");
      const borders: Record<string, Record<string, string>> = {};
      const b = tblPr && child(tblPr, "w:tblBorders");
      if (b) for (const x of kids(b)) borders[tag(x).replace("w:", "")] = attrs(x);
      const paragraphs = kids(n)
        .filter((r) => tag(r) === "w:tr")
        .flatMap((r) => kids(r).filter((c) => tag(c) === "w:tc"))
        .flatMap((c) => kids(c).filter((p) => tag(p) === "w:p"))
        .map((p) => paraInfo(p, section, true));
      info.tables.push({ section, tblpPr: tblPr ? attrs(child(tblPr, "w:tblpPr")) : {}, borders, paragraphs });
    } else if (t === "w:sectPr") {
      info.sections.push(sectInfo(n));
    }
  }
  return info;
}

/** A paragraph's first run (where each element's typeface, size and colour are checked). */
export function firstRun(p: ParaInfo | undefined): RunInfo {
  return p?.runs.find((r) => r.text.trim()) ?? { text: "" };
}

export function findPara(doc: DocInfo, text: string | RegExp): ParaInfo | undefined {
  return doc.paragraphs.find((p) => (typeof text === "string" ? p.text.includes(text) : text.test(p.text)));
}
