import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DraftSpec } from "../../../common/contracts/drafting";
import { DOC_KINDS, type DocKind } from "../../../common/contracts/doc-kinds";
import { resolveDocument } from "../document";
import { docxParts, findPara, firstRun, readDocument, type DocInfo } from "../testing/docx-xml";
import { KIND_SPECS } from "../testing/specs";
import { buildDocx } from "./build";
import { CHAR, CHARS_PER_LINE, LINE_PITCH, LINES_PER_PAGE, TEXT_HEIGHT, TEXT_WIDTH } from "./geometry";

/**
 * The exported DOCX read back as XML: page, margins, grid, the typeface,
 * size and colour of each element, page numbers, sections, 版记; and one
 * golden per kind (a summary of every paragraph), so any change to the
 * layout shows up as a reviewed diff. UPDATE_GOLDENS=1 rewrites them.
 */
const GOLDENS = join(import.meta.dirname, "goldens");
const mm = (tw: number) => (tw * 25.4) / 1440;

async function exported(kind: DocKind): Promise<{ doc: DocInfo; parts: Record<string, string> }> {
  const built = await buildDocx(resolveDocument(DraftSpec.parse(KIND_SPECS[kind])));
  const parts = docxParts(built.bytes);
  return { doc: readDocument(parts["word/document.xml"]!), parts };
}

let notice: { doc: DocInfo; parts: Record<string, string> };
beforeAll(async () => {
  notice = await exported("通知");
});

describe("GB/T 9704-2012 page (通知 read back)", () => {
  it("is A4 with 天头 37 mm, 订口 28 mm and a 156 × 225 mm 版心 in every section", () => {
    expect(notice.doc.sections.length).toBe(3); // the text and two 附件
    for (const s of notice.doc.sections) {
      expect(s.pgSz).toMatchObject({ "w:w": "11906", "w:h": "16838" });
      expect(mm(Number(s.pgMar["w:top"]))).toBeCloseTo(37, 1);
      expect(mm(Number(s.pgMar["w:left"]))).toBeCloseTo(28, 1);
      expect(mm(11906 - Number(s.pgMar["w:left"]) - Number(s.pgMar["w:right"]))).toBeCloseTo(156, 0);
      expect(mm(16838 - Number(s.pgMar["w:top"]) - Number(s.pgMar["w:bottom"]))).toBeCloseTo(225, 0);
    }
  });

  it("has a line grid of 22 lines and body text condensed to 28 characters a line", () => {
    const s = notice.doc.sections[0]!;
    expect(s.docGrid).toMatchObject({ "w:type": "lines", "w:linePitch": String(LINE_PITCH) });
    expect(LINES_PER_PAGE * LINE_PITCH).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect((LINES_PER_PAGE + 1) * LINE_PITCH).toBeGreaterThan(TEXT_HEIGHT);
    const body = findPara(notice.doc, "各单位采购办公用品须经分管领导审批")!;
    const r = firstRun(body);
    expect([r.font, r.size]).toEqual(["仿宋_GB2312", 32]);
    const pitch = r.size! * 10 + r.spacing!;
    expect(pitch).toBe(CHAR);
    expect(CHARS_PER_LINE * pitch).toBeLessThanOrEqual(TEXT_WIDTH);
    expect((CHARS_PER_LINE + 1) * pitch).toBeGreaterThan(TEXT_WIDTH);
    expect(body.ind["w:firstLine"]).toBe(String(2 * CHAR));
    expect(body.spacing).toMatchObject({ "w:line": String(LINE_PITCH), "w:lineRule": "exact" });
  });

  it("sets each element in its typeface, size and colour", () => {
    const d = notice.doc;
    const mark = firstRun(findPara(d, "XX市人民政府办公室文件"));
    expect([mark.font, mark.size, mark.color]).toEqual(["方正小标宋简体", 72, "FF0000"]);
    expect(findPara(d, "XX市人民政府办公室文件")!.jc).toBe("center");
    expect(firstRun(findPara(d, "000001")).font).toBe("仿宋_GB2312");
    expect(firstRun(findPara(d, "机密★1年")).font).toBe("黑体");
    expect(firstRun(findPara(d, /^特急$/)).font).toBe("黑体");
    const number = findPara(d, "X政办发〔2025〕8号")!;
    expect([firstRun(number).font, number.jc]).toEqual(["仿宋_GB2312", "center"]);
    // The red 分隔线: a red bottom border right under the 发文字号, as wide as the 版心.
    const line = d.paragraphs[d.paragraphs.indexOf(number) + 1]!;
    expect(line.borders["bottom"]).toMatchObject({ "w:val": "single", "w:color": "FF0000" });
    expect(line.ind).toEqual({});
    const title = findPara(d, "XX市人民政府办公室关于")!;
    expect([firstRun(title).font, firstRun(title).size, title.jc]).toEqual(["方正小标宋简体", 44, "center"]);
    const to = findPara(d, "各区人民政府，市政府各部门：")!;
    expect(to.text.endsWith("：")).toBe(true);
    expect(to.ind["w:firstLine"]).toBeUndefined();
    const h1 = findPara(d, "一、严格采购审批")!;
    expect(firstRun(h1).font).toBe("黑体");
    const h2 = findPara(d, "（一）明确审批权限。")!;
    expect(h2.runs.map((r) => [r.text, r.font])).toEqual([["（一）明确审批权限。", "楷体_GB2312"], ["采购计划由办公室汇总后报分管领导审批。", "仿宋_GB2312"]]);
    expect(firstRun(findPara(d, "1.建立台账。")).font).toBe("仿宋_GB2312");
    expect(firstRun(findPara(d, "（1）定期盘点。")).font).toBe("仿宋_GB2312");
    const note = findPara(d, "附件：1．办公用品采购审批表")!;
    expect(Number(note.ind["w:left"]) - Number(note.ind["w:hanging"])).toBe(2 * CHAR);
    expect(findPara(d, "2．季度盘点记录表")).toBeTruthy();
    const date = findPara(d, /^2025年3月15日$/)!;
    expect([date.jc, date.ind["w:right"]]).toEqual(["right", String(4 * CHAR)]);
    expect(findPara(d, "（此件公开发布）")!.ind["w:firstLine"]).toBe(String(2 * CHAR));
  });

  it("puts each 附件 in a section of its own: 附件N in 3号黑体, its title in 2号小标宋 on line 3", () => {
    const d = notice.doc;
    expect(d.sections.slice(1).map((s) => s.type)).toEqual(["nextPage", "nextPage"]);
    for (const [i, title] of [[1, "办公用品采购审批表"], [2, "季度盘点记录表"]] as const) {
      const inSection = d.paragraphs.filter((p) => p.section === i);
      expect(inSection[0]!.text).toBe(`附件${i}`);
      expect([firstRun(inSection[0]).font, firstRun(inSection[0]).size]).toEqual(["黑体", 32]);
      expect(inSection[1]!.text).toBe("");
      expect(inSection[2]!.text).toBe(title);
      expect(firstRun(inSection[2]).size).toBe(44);
    }
  });

  it("puts the 版记 at the foot of the last page: thick first and last lines, thin between, 4号仿宋", () => {
    expect(notice.doc.tables.length).toBe(1);
    const t = notice.doc.tables[0]!;
    expect(t.section).toBe(notice.doc.sections.length - 1);
    expect(t.tblpPr).toMatchObject({ "w:vertAnchor": "margin", "w:tblpYSpec": "bottom" });
    expect([t.borders["top"]!["w:sz"], t.borders["insideH"]!["w:sz"], t.borders["bottom"]!["w:sz"]]).toEqual(["8", "6", "8"]);
    expect(t.paragraphs.map((p) => p.text)).toEqual(["抄送：市委办公室，市人大常委会办公室，市政协办公室。", "XX市人民政府办公室\t2025年3月15日印发"]);
    for (const p of t.paragraphs) expect([firstRun(p).font, firstRun(p).size]).toEqual(["仿宋_GB2312", 28]);
  });

  it("numbers pages “— 1 —” in 4号宋体 with a PAGE field, odd pages right and even left", () => {
    const settings = notice.parts["word/settings.xml"]!;
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const footers = Object.entries(notice.parts).filter(([n]) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of footers.slice(0, 2)) {
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(xml).toMatch(/— [\s\S]*PAGE[\s\S]* —/);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map(([, x]) => /<w:jc w:val="(right|left)"/.exec(x)?.[1]).slice(0, 2).sort()).toEqual(["left", "right"]);
  });

  it("names the government typefaces with fallbacks the way Word substitutes them", () => {
    const fonts = notice.parts["word/fontTable.xml"]!;
    for (const [name, alt] of [["仿宋_GB2312", "仿宋"], ["楷体_GB2312", "楷体"], ["黑体", "SimHei"], ["方正小标宋简体", "华文中宋"], ["宋体", "SimSun"]]) {
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
    }
    expect(fonts).toContain('<w:charset w:val="86"/>');
    const styles = notice.parts["word/styles.xml"]!;
    expect(styles).toMatch(/w:styleId="GovFree">[\s\S]*?<w:snapToGrid w:val="0"\/>/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });
});

describe("上行文, 信函 and 命令 formats", () => {
  it("上行文 (请示): 签发人 in 楷体 right, the 发文字号 left on the last 签发人 line", async () => {
    const { doc } = await exported("请示");
    const lines = doc.paragraphs.filter((p) => p.text.includes("签发人") || p.text.includes("　　　　"));
    expect(lines.length).toBe(2);
    const last = lines.at(-1)!;
    expect(last.text.startsWith("X财发〔2025〕3号\t")).toBe(true);
    expect(last.ind["w:left"]).toBe(String(CHAR));
    expect(last.runs.find((r) => r.text === "王五")?.font).toBe("楷体_GB2312");
    expect(lines[0]!.runs.find((r) => r.text === "张三　李四")?.font).toBe("楷体_GB2312");
  });

  it("函 uses the 信函 format: the issuer's name in red in a first-page header, no page number on page 1, no 印发 row", async () => {
    const { doc, parts } = await exported("函");
    const s = doc.sections[0]!;
    expect(s.titlePage).toBe(true);
    const header = parts[`word/${Object.entries(parts).find(([n, x]) => n.startsWith("word/header") && x.includes("XX市人民政府办公室"))![0].slice(5)}`]!;
    expect(header).toContain('w:val="FF0000"');
    expect(header).not.toContain("文件");
    expect(doc.tables[0]!.paragraphs.map((p) => p.text)).toEqual(["抄送：市审计局。"]);
    expect(doc.tables[0]!.borders["top"]!["w:val"]).toBe("none");
    expect(findPara(doc, "000123\tX政办函〔2025〕12号")).toBeTruthy();
  });

  it("命令 puts the 令号 under the mark and signs with the 签发人职务", async () => {
    const { doc } = await exported("命令");
    expect(firstRun(findPara(doc, "XX市人民政府令")).color).toBe("FF0000");
    expect(findPara(doc, /^第12号$/)!.jc).toBe("center");
    expect(findPara(doc, "市长　　张三")!.jc).toBe("right");
  });
});

/** What a golden records of each paragraph and table. */
/** One line per section, paragraph and table, so a golden's diff reads like the document. */
function golden(doc: DocInfo): string {
  const { sections, paragraphs, tables } = summary(doc);
  const lines = (xs: unknown[]) => xs.map((x) => `  ${JSON.stringify(x)}`).join(",\n");
  return `{\n "sections": [\n${lines(sections)}\n ],\n "paragraphs": [\n${lines(paragraphs)}\n ],\n "tables": [\n${lines(tables)}\n ]\n}\n`;
}

function summary(doc: DocInfo): { sections: unknown[]; paragraphs: unknown[]; tables: unknown[] } {
  const para = (p: DocInfo["paragraphs"][number]) => ({
    s: p.section,
    style: p.style,
    jc: p.jc,
    ind: Object.keys(p.ind).length ? p.ind : undefined,
    line: p.spacing["w:line"],
    before: p.spacing["w:before"] !== "0" ? p.spacing["w:before"] : undefined,
    border: Object.keys(p.borders).length ? p.borders : undefined,
    break: p.pageBreakBefore || undefined,
    runs: p.runs.filter((r) => r.text).map((r) => [r.text, r.font, r.size, r.color, r.spacing, r.scale].filter((x) => x !== undefined)),
  });
  return { sections: doc.sections.map((s) => ({ ...s, footers: Object.keys(s.footers), headers: Object.keys(s.headers) })), paragraphs: doc.paragraphs.map(para), tables: doc.tables.map((t) => ({ ...t, paragraphs: t.paragraphs.map(para) })) };
}

describe("one golden document per kind", () => {
  it.each([...DOC_KINDS])("%s", async (kind) => {
    const { doc } = await exported(kind);
    const actual = golden(doc);
    const file = join(GOLDENS, `${kind}.json`);
    if (process.env["UPDATE_GOLDENS"] || !existsSync(file)) writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });
});
