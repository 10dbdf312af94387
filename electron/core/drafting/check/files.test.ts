import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DraftSpec } from "../../../common/contracts/drafting";
import { tempDir } from "../../testing/temp-dir";
import { resolveDocument } from "../document";
import { buildDocx } from "../export/build";
import { docxParts, findPara, firstRun, readDocument } from "../testing/docx-xml";
import { KIND_SPECS } from "../testing/specs";
import { checkFile, fixFile } from "./files";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir("govdesk-check-")));
afterAll(() => cleanup());

describe("checking and fixing files", () => {
  it("fixes a DOCX in its runs: the text changes, the typefaces and colours stay", async () => {
    const spec = DraftSpec.parse({ ...KIND_SPECS.通知, number: "X政办发[2025]08号", body: "截止目前，各单位须审批,并备案。\n一.严格审批" });
    const path = join(dir, "planted.docx");
    writeFileSync(path, (await buildDocx(resolveDocument(spec))).bytes);
    const found = await checkFile(path);
    expect(found.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["number.form", "words.misused", "punctuation.half-width", "numbering.form"]));
    const out = join(dir, "fixed.docx");
    const r = await fixFile(path, out);
    expect(r.applied.length).toBeGreaterThanOrEqual(4);
    expect(r.after.findings.filter((f) => f.suggestion !== null)).toEqual([]);
    const doc = readDocument(docxParts(readFileSync(out))["word/document.xml"]!);
    const number = findPara(doc, "X政办发〔2025〕8号")!;
    expect(firstRun(number).font).toBe("仿宋_GB2312");
    expect(findPara(doc, "截至目前，各单位须审批，并备案。")).toBeTruthy();
    const h1 = findPara(doc, "一、严格审批")!;
    expect(firstRun(h1).font).toBe("黑体");
    expect(firstRun(findPara(doc, "XX市人民政府办公室文件")).color).toBe("FF0000");
  });

  it("fixes a GBK text file in GBK, keeping its line ends", async () => {
    const path = join(dir, "gbk.txt");
    writeFileSync(path, iconv.encode("关于加强采购管理的通知\r\nX政办发[2025]8号\r\n各单位:\r\n其它事项另行通知。\r\n", "gbk"));
    const out = join(dir, "gbk-fixed.txt");
    const r = await fixFile(path, out);
    expect(r.applied.map((f) => f.rule).sort()).toEqual(["number.form", "recipients.colon", "words.misused"]);
    const text = iconv.decode(readFileSync(out), "gb18030");
    expect(text).toBe("关于加强采购管理的通知\r\nX政办发〔2025〕8号\r\n各单位：\r\n其他事项另行通知。\r\n");
  });

  it("checks a PDF or DOC through the extractors but will not rewrite it", async () => {
    const html = join(dir, "notice.html");
    writeFileSync(html, "<html><body><p>关于加强采购管理的通知</p><p>X政办发[2025]8号</p></body></html>");
    expect((await checkFile(html)).findings.map((f) => f.rule)).toContain("number.form");
    await expect(fixFile(html, join(dir, "x.html"))).rejects.toThrow(/只能直接修正 DOCX 和 TXT/);
  });

  it("says so, in Chinese, for an empty or broken file", async () => {
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "   \n");
    await expect(checkFile(empty)).rejects.toThrow(/没有可检查的文字/);
    const broken = join(dir, "broken.docx");
    writeFileSync(broken, "not a zip");
    await expect(checkFile(broken)).rejects.toThrow(/压缩包|损坏/);
  });
});
