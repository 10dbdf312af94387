import { writeZip, type ZipEntry } from "./zip-writer";

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

export interface OfdLine {
  text: string;
  /** Millimetres from the top-left corner. */
  x: number;
  y: number;
  /** Font size in millimetres (default 5). */
  size?: number;
}

/** A ruling (table or form grid line) as an OFD PathObject's boundary box, in millimetres. */
export interface OfdRule {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OfdSpec {
  /** Page content lines; written in REVERSE order so the extractor must sort by position. */
  pages: OfdLine[][];
  /** Lines in a template page used by every page (e.g. the red header). */
  template?: OfdLine[];
  /** Lines only reachable through CompositeObject -> CompositeGraphicUnit in DocumentRes.xml (on page 1). */
  composite?: OfdLine[];
  /** Leave this page's Content.xml out of the package (1-based). */
  omitPage?: number;
  /** Rulings per page (index = page index). */
  rules?: OfdRule[][];
  /** A DOCTYPE put before each page's root element (hostile DTDs). */
  doctype?: string;
}

function textObjects(lines: OfdLine[], firstId: number): string {
  return [...lines]
    .reverse()
    .map(
      (l, i) => {
        const size = l.size ?? 5;
        return `<ofd:TextObject ID="${firstId + i}" Boundary="${l.x} ${l.y} 150 ${size + 3}" Font="1" Size="${size}"><ofd:TextCode X="0" Y="${size}" DeltaX="g ${Math.max(0, [...l.text].length - 1)} ${size}">${l.text}</ofd:TextCode></ofd:TextObject>`;
      },
    )
    .join("");
}

function pathObjects(rules: OfdRule[], firstId: number): string {
  return rules.map((r, i) => `<ofd:PathObject ID="${firstId + i}" Boundary="${r.x} ${r.y} ${r.w} ${r.h}" Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L ${r.w} 0 L ${r.w} ${r.h} L 0 ${r.h} C</ofd:AbbreviatedData></ofd:PathObject>`).join("");
}

/** A ruled grid: horizontal lines at `ys`, vertical lines at `xs` (each spanning the grid), 0.3 mm thick. */
export function grid(xs: number[], ys: number[]): OfdRule[] {
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  return [...ys.map((y) => ({ x: x0, y, w: x1 - x0, h: 0.3 })), ...xs.map((x) => ({ x, y: y0, w: 0.3, h: y1 - y0 }))];
}

/** An OFD package zipped by hand: OFD.xml -> Doc_0/Document.xml -> pages, template, resources. */
export async function writeOfd(path: string, spec: OfdSpec): Promise<void> {
  const pages = spec.pages.map((_, i) => `<ofd:Page ID="${10 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join("");
  const tpl = spec.template ? `<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>` : "";
  const entries: ZipEntry[] = [
    { name: "OFD.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>` },
    { name: "Doc_0/Document.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>${tpl}</ofd:CommonData><ofd:Pages>${pages}</ofd:Pages></ofd:Document>` },
    {
      name: "Doc_0/DocumentRes.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="500" Width="210" Height="50"><ofd:Content>${textObjects(spec.composite ?? [], 600)}</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>`,
    },
  ];
  if (spec.template) {
    entries.push({ name: "Doc_0/Tpls/Tpl_0/Content.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="3">${textObjects(spec.template, 300)}</ofd:Layer></ofd:Content></ofd:Page>` });
  }
  spec.pages.forEach((lines, i) => {
    if (spec.omitPage === i + 1) return;
    const tplRef = spec.template ? `<ofd:Template TemplateID="2" ZOrder="Background"/>` : "";
    const composite = i === 0 && spec.composite ? `<ofd:CompositeObject ID="700" Boundary="0 0 210 50" ResourceID="500"/>` : "";
    entries.push({
      name: `Doc_0/Pages/Page_${i}/Content.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?>${spec.doctype ?? ""}<ofd:Page ${NS}>${tplRef}<ofd:Content><ofd:Layer ID="${20 + i}">${textObjects(lines, 1000 + i * 500)}${pathObjects(spec.rules?.[i] ?? [], 5000 + i * 500)}${composite}</ofd:Layer></ofd:Content></ofd:Page>`,
    });
  });
  await writeZip(path, entries);
}
