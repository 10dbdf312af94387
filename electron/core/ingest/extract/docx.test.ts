import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { writeZip } from "../testing/zip-writer";
import { extractFile } from "./index";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
const p = (text: string, pPr = ""): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** A DOCX written part by part, so that numbering, fields, revisions and layout marks are exactly as Word writes them. */
async function writeRawDocx(path: string, body: string, extra: { numbering?: string; styles?: string; footnotes?: string; title?: string } = {}): Promise<void> {
  const rels = [
    extra.numbering ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : "",
    extra.styles ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : "",
    extra.footnotes ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' : "",
  ].join("");
  await writeZip(path, [
    { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    },
    { name: "word/_rels/document.xml.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    { name: "word/document.xml", data: `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
    ...(extra.numbering ? [{ name: "word/numbering.xml", data: `<?xml version="1.0"?><w:numbering ${W}>${extra.numbering}</w:numbering>` }] : []),
    ...(extra.styles ? [{ name: "word/styles.xml", data: `<?xml version="1.0"?><w:styles ${W}>${extra.styles}</w:styles>` }] : []),
    ...(extra.footnotes ? [{ name: "word/footnotes.xml", data: `<?xml version="1.0"?><w:footnotes ${W}>${extra.footnotes}</w:footnotes>` }] : []),
    {
      name: "docProps/core.xml",
      data: `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${extra.title ? `<dc:title>${extra.title}</dc:title>` : ""}</cp:coreProperties>`,
    },
  ]);
}

const lvl = (ilvl: number, fmt: string, text: string, start = 1, pStyle = ""): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/>${pStyle ? `<w:pStyle w:val="${pStyle}"/>` : ""}<w:lvlText w:val="${text}"/></w:lvl>`;
const NUMBERING = [
  `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、")}${lvl(1, "chineseCounting", "（%2）")}${lvl(2, "decimal", "%3.")}${lvl(3, "decimal", "（%4）")}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "第%1条", 1)}</w:abstractNum>`,
  `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
  `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
  // A second instance of the same list that starts over at 1.
  `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
].join("");
// A heading style that carries its numbering (the usual way 一、 headings are numbered).
const STYLES = `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr>${num(1, 0)}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`;

describe("DOCX: numbering, fields, revisions, textboxes, notes, pages", () => {
  it("renders automatic list numbers (一、（一）1.（1）, 第N条) from numbering.xml and paragraph styles", async () => {
    const f = join(dir, "numbered.docx");
    const body = [
      p("总体要求", '<w:pStyle w:val="H1"/>'),
      p("适用范围", '<w:pStyle w:val="H2"/>'),
      p("本办法适用于全省。"),
      p("工作原则", '<w:pStyle w:val="H2"/>'),
      p("依法依规", num(1, 2)),
      p("分级负责", num(1, 2)),
      p("定期评估", num(1, 3)),
      p("主要任务", '<w:pStyle w:val="H1"/>'),
      p("健全制度", num(1, 1)),
      p("另起一项", num(3, 2)),
      p("为了规范管理，制定本办法。", num(2, 0)),
      p("本办法自发布之日起施行。", num(2, 0)),
    ].join("");
    await writeRawDocx(f, body, { numbering: NUMBERING, styles: STYLES });
    const d = await extractFile(f);
    expect(d.pages[0]!.text.split("\n")).toEqual([
      "一、总体要求",
      "（一）适用范围",
      "本办法适用于全省。",
      "（二）工作原则",
      "1.依法依规",
      "2.分级负责",
      "（1）定期评估",
      "二、主要任务",
      "（一）健全制度",
      "1.另起一项",
      "第1条 为了规范管理，制定本办法。",
      "第2条 本办法自发布之日起施行。",
    ]);
  });

  it("keeps field results without codes, inserted text without deleted text, hides hidden runs, reads a textbox once and footnotes last", async () => {
    const f = join(dir, "fields.docx");
    const r = (t: string, rPr = ""): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    const body = [
      `<w:p>${r("东府〔")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DOCVARIABLE FlFileYear \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("2016")}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r("〕3号")}</w:p>`,
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p("东莞市人民政府文件")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${p("东莞市人民政府文件")}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>${r("关于印发办法的通知")}</w:p>`,
      `<w:p>${r("标准为")}<w:del><w:r><w:delText>2.5</w:delText></w:r></w:del><w:ins>${r("3.5")}</w:ins>${r("万元")}${r("（内部备注）", "<w:vanish/>")}<w:r><w:footnoteReference w:id="1"/></w:r>${r("。")}</w:p>`,
      `<w:p><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">${r("2016年1月1日")}</w:fldSimple></w:p>`,
    ].join("");
    const footnotes = `<w:footnote w:type="separator" w:id="-1">${p("———")}</w:footnote><w:footnote w:id="1">${p("以上年度为准。")}</w:footnote>`;
    await writeRawDocx(f, body, { footnotes });
    const d = await extractFile(f);
    expect(d.pages[0]!.text.split("\n")).toEqual(["东府〔2016〕3号", "东莞市人民政府文件", "关于印发办法的通知", "标准为3.5万元。", "2016年1月1日", "以上年度为准。"]);
  });

  it("splits pages where Word last laid them out (w:lastRenderedPageBreak); without them the text flows and says so", async () => {
    const f = join(dir, "paged.docx");
    const body = [p("第一页的内容。"), `<w:p><w:r><w:t>跨页段落的前半句，</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>后半句在第二页。</w:t></w:r></w:p>`, `<w:p><w:r><w:lastRenderedPageBreak/><w:t>第三页开头。</w:t></w:r></w:p>`].join("");
    await writeRawDocx(f, body);
    const d = await extractFile(f);
    expect(d.paged).toBe(true);
    expect(d.pages.map((x) => x.text)).toEqual(["第一页的内容。\n跨页段落的前半句，", "后半句在第二页。", "第三页开头。"]);
    const g = join(dir, "flow.docx");
    await writeRawDocx(g, p("没有排版信息的文档。"), { title: "年度工作要点" });
    const flow = await extractFile(g);
    expect(flow.paged).toBe(false);
    expect(flow.pages).toHaveLength(1);
    // Not a 公文: the title comes from the document properties.
    expect(flow.meta).toMatchObject({ isGongwen: false, title: "年度工作要点", sources: { title: { from: "properties" } } });
  });

  it("reads table rows with merged cells as `a | b | c`, a one-cell framed row as plain lines", async () => {
    const f = join(dir, "table.docx");
    const tc = (t: string, tcPr = ""): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${p(t)}</w:tc>`;
    const body = [
      `<w:tbl><w:tr>${tc("关于做好招生工作的通知")}${tc("")}</w:tr></w:tbl>`,
      `<w:tbl><w:tr>${tc("对象")}${tc("资格")}${tc("证明")}</w:tr><w:tr>${tc("本市户籍考生", '<w:vMerge w:val="restart"/>')}${tc("应届生")}${tc("学籍卡")}</w:tr><w:tr>${tc("", "<w:vMerge/>")}${tc("往届生")}${tc("户籍证明")}</w:tr></w:tbl>`,
    ].join("");
    await writeRawDocx(f, body);
    expect((await extractFile(f)).pages[0]!.text.split("\n")).toEqual(["关于做好招生工作的通知", "对象 | 资格 | 证明", "本市户籍考生 | 应届生 | 学籍卡", "| 往届生 | 户籍证明"]);
  });
});

describe("DOCX: bad input", () => {
  it("malformed XML, a package without a body, and absurd nesting each fail with a clear message naming the file", async () => {
    const cases: [string, string][] = [
      ["unclosed.docx", "<w:document><w:body><w:p><w:r><w:t>未闭合"],
      ["nobody.docx", "<?xml version='1.0'?><root/>"],
      ["nested.docx", `<w:document>${"<w:p>".repeat(200_000)}</w:document>`],
    ];
    for (const [name, xml] of cases) {
      const f = join(dir, name);
      await writeZip(f, [{ name: "word/document.xml", data: xml }]);
      await expect(extractFile(f), name).rejects.toThrow(new RegExp(`Word 文档.*${name.replace(".", "\\.")}`));
    }
  });
});
