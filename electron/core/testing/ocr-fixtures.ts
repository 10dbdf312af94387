import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, rgb } from "pdf-lib";
import type { Raster } from "../ingest/ocr/raster";
import { CJK_FONT as CJK_FONT_FILE } from "../ingest/testing/fixtures";
import { encodePng } from "./ocr-images";

/** A scan as a PDF: each page is only an image (no text layer), sized as if scanned at `dpi`. */
export async function writeScannedPdf(path: string, pages: Raster[], dpi = 150): Promise<void> {
  const doc = await PDFDocument.create();
  const pngs = new Map<Raster, Awaited<ReturnType<PDFDocument["embedPng"]>>>();
  for (const r of pages) {
    let img = pngs.get(r);
    if (!img) pngs.set(r, (img = await doc.embedPng(await encodePng(r))));
    const w = (r.width * 72) / dpi;
    const h = (r.height * 72) / dpi;
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  await writeFile(path, await doc.save({ useObjectStreams: false }));
}

/** The look of real broken Chinese PDFs: glyphs mapped into GBK's 0xA0 row (犃犅犆…). */
const GARBLE = Array.from({ length: 0x729f - 0x7283 }, (_, i) => String.fromCodePoint(0x7283 + i));

function toUnicodeCMap(cids: string[], chars: readonly string[]): string {
  const entries = cids.map((cid, i) => `<${cid}> <${chars[i % chars.length]!.codePointAt(0)!.toString(16).padStart(4, "0")}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) blocks.push(`${Math.min(100, entries.length - i)} beginbfchar\n${entries.slice(i, i + 100).join("\n")}\nendbfchar`);
  return [
    "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def", "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
    "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange", ...blocks,
    "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
  ].join("\n");
}

/**
 * A PDF whose text is drawn correctly with an embedded CJK font but whose
 * ToUnicode map sends every glyph to a wrong code point (the 犐犆犛 family):
 * it looks right and extracts as mojibake (or, with `mapTo` [" "], as
 * nothing but spaces).
 */
export async function writeGarbledPdf(path: string, lines: string[], size = 16, mapTo: readonly string[] = GARBLE): Promise<void> {
  const doc = await PDFDocument.create();
  const create = (fontkit as unknown as { create(b: Uint8Array, name?: string): unknown }).create;
  doc.registerFontkit({ create: (b: Uint8Array) => create(b, "NotoSansCJKsc-Regular") } as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  const font = await doc.embedFont(readFileSync(CJK_FONT_FILE), { subset: true });
  // A small page: what matters is the font's broken map, and OCR of a small page is quick.
  const page = doc.addPage([size * 26, size * (lines.length * 2 + 3)]);
  lines.forEach((text, i) => page.drawText(text, { x: size * 2, y: size * (lines.length * 2 + 1) - i * size * 2, size, font, color: rgb(0, 0, 0) }));
  const saved = await PDFDocument.load(await doc.save({ useObjectStreams: false }));
  // The glyph ids the page shows (Identity-H: two bytes each, written as hex strings).
  const cids = new Set<string>();
  for (const [, obj] of saved.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(obj).decode()).toString("latin1");
    if (!/\bTj\b|\bTJ\b/.test(text)) continue;
    for (const m of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) for (let i = 0; i + 4 <= m[1]!.length; i += 4) cids.add(m[1]!.slice(i, i + 4).toUpperCase());
  }
  for (const [, obj] of saved.context.enumerateIndirectObjects()) {
    const ref = obj instanceof PDFDict ? obj.get(PDFName.of("ToUnicode")) : undefined;
    if (ref instanceof PDFRef) saved.context.assign(ref, saved.context.flateStream(toUnicodeCMap([...cids].sort(), mapTo)));
  }
  await writeFile(path, await saved.save({ useObjectStreams: false }));
}

/** An OFD whose only page is a scan: one ImageObject over the whole A4 page, the PNG in Res/ (no text objects). */
export async function writeScannedOfd(path: string, page: Raster): Promise<void> {
  const { writeZip } = await import("../ingest/testing/zip-writer");
  const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const h = Math.round((210 * page.height) / page.width);
  await writeZip(path, [
    { name: "OFD.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>s</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>` },
    { name: "Doc_0/Document.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 ${h}</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>` },
    { name: "Doc_0/DocumentRes.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="5" Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>` },
    { name: "Doc_0/Res/scan.png", data: await encodePng(page) },
    { name: "Doc_0/Pages/Page_0/Content.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><ofd:ImageObject ID="3" Boundary="0 0 210 ${h}" ResourceID="5" CTM="210 0 0 ${h} 0 0"/></ofd:Layer></ofd:Content></ofd:Page>` },
  ]);
}
