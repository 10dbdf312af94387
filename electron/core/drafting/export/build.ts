import { Document, DocumentGridType, Header, Packer, PageOrientation, Paragraph, SectionType, type ISectionOptions } from "docx";
import { parseBody } from "../../../common/drafting/body";
import type { GovDocument } from "../document";
import { Flow } from "./flow";
import { FOOTER_DISTANCE, pageNumberFooter } from "./footer";
import { LINE_PITCH, LINES_PER_PAGE, MARGIN, PAGE, SIZE } from "./geometry";
import { fileHeader, orderHeader } from "./header";
import { LETTER_HEADER_DISTANCE, letterFirstFooter, letterFirstHeader, letterTop } from "./letter";
import { attachmentNote, attendance, body, note, recipients, signature, title } from "./main-text";
import { blank, LEFT, para, run } from "./parts";
import { record } from "./record";
import { fontTableXml, stylesXml, STYLE } from "./styles";

/** Height of a full page of text: 22 grid lines. */
export const PAGE_TWIPS = LINES_PER_PAGE * LINE_PITCH;

export interface BuiltDocx {
  bytes: Buffer;
  /** Pages on the 22 × 28 grid (estimated from the text; Word and WPS paginate the same grid). */
  pages: number;
}

function pagesOf(twips: number): number {
  return Math.max(1, Math.ceil(twips / PAGE_TWIPS - 1e-6));
}

/** The first section's flow: 版头, 主体 (GB/T 9704-2012 §7.2-7.3) by the kind's format. */
function mainFlow(doc: GovDocument): Flow {
  const flow = new Flow();
  const format = doc.template.format;
  if (format === "信函") letterTop(flow, doc);
  else if (format === "命令") orderHeader(flow, doc);
  else fileHeader(flow, doc);
  if (doc.title) {
    title(flow, doc.title);
    flow.addAll(blank(1), LINE_PITCH);
  }
  if (doc.to) recipients(flow, doc.to);
  body(flow, doc.paragraphs);
  attachmentNote(flow, doc.attachments.map((a) => a.title));
  attendance(flow, doc.attendance);
  signature(flow, doc);
  note(flow, doc.note);
  return flow;
}

/** 附件 (§8): each on a new page, "附件N" in 3号黑体 top-left, its title centred on the third line. */
function attachmentFlow(doc: GovDocument, index: number): Flow {
  const a = doc.attachments[index]!;
  const flow = new Flow();
  const label = doc.attachments.length > 1 ? `附件${index + 1}` : "附件";
  flow.add(para([run(label, "heiti")], { alignment: LEFT }), LINE_PITCH);
  flow.addAll(blank(1), LINE_PITCH);
  title(flow, a.title);
  if (a.paragraphs.length) {
    flow.addAll(blank(1), LINE_PITCH);
    body(flow, a.paragraphs);
  }
  return flow;
}

export async function buildDocx(doc: GovDocument): Promise<BuiltDocx> {
  const letter = doc.template.format === "信函";
  const flows = [mainFlow(doc), ...doc.attachments.map((_a, i) => attachmentFlow(doc, i))];
  const last = flows[flows.length - 1]!;
  let pages = flows.reduce((n, f) => n + pagesOf(f.sections[0]!), 0);
  const rec = record(doc);
  if (rec) {
    const used = last.sections[0]! % PAGE_TWIPS;
    const room = used === 0 && last.sections[0]! > 0 ? 0 : PAGE_TWIPS - used;
    const newPage = rec.height > room;
    if (newPage) pages++;
    last.add(rec.table, 0);
    // The floating table's anchor; a new page when the text leaves no room at the bottom.
    last.add(new Paragraph({ style: STYLE.free, pageBreakBefore: newPage, spacing: { line: 20, lineRule: "exact", before: 0, after: 0 }, children: [] }), 0);
  }
  const footers = () => ({ default: pageNumberFooter("odd"), even: pageNumberFooter("even") });
  const section = (children: Flow["blocks"], first: boolean): ISectionOptions => ({
    properties: {
      ...(first ? {} : { type: SectionType.NEXT_PAGE }),
      ...(first && letter ? { titlePage: true } : {}),
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
        margin: { ...MARGIN, header: letter ? LETTER_HEADER_DISTANCE : MARGIN.top / 2, footer: FOOTER_DISTANCE, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
    },
    ...(first && letter ? { headers: { first: letterFirstHeader(doc), default: new Header({ children: [] }) } } : {}),
    footers: first && letter ? { ...footers(), first: letterFirstFooter() } : footers(),
    children,
  });
  const document = new Document({
    creator: "GovDesk 政务助手",
    title: doc.title || doc.mark,
    description: `${doc.template.label}（GB/T 9704-2012）`,
    evenAndOddHeaderAndFooters: true,
    sections: flows.map((f, i) => section(f.blocks, i === 0)),
  });
  const bytes = await Packer.toBuffer(document, false, [
    { path: "word/styles.xml", data: stylesXml() },
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
  return { bytes, pages };
}

/** Body text only (for tests and previews): one paragraph per line, as the export parses it. */
export const parse = parseBody;
export const BODY_SIZE = SIZE.三号;
