import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as CFB from "cfb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { buildDoc, writeDoc, type DocSpec } from "../testing/doc-writer";
import { readDoc } from "./doc";
import { extractFile } from "./index";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const BODY = Array.from({ length: 24 }, (_, i) => ({ para: `第${i + 1}段：各地各部门要按照统一部署，认真落实“政务数据安全管理”责任。` }));

/** A 公文 in Word 97 binary: auto-numbered headings (一、（一）1.), a table, a field, hidden text, curly quotes. */
const SPEC: DocSpec = {
  title: "关于加强政务数据安全管理工作的通知",
  lists: [{ levels: [{ nfc: 0x25, text: "\u0000、" }, { nfc: 0x25, text: "（\u0001）" }, { nfc: 0, text: "\u0002." }] }],
  blocks: [
    { para: "江南省人民政府办公厅文件" },
    // 发文字号 built from a DOCVARIABLE field: the result, never the code.
    { para: "江南政办发〔\u0013 DOCVARIABLE FlFileYear \\* MERGEFORMAT \u00142024\u0015〕12号" },
    { para: "江南省人民政府办公厅关于加强政务数据安全管理工作的通知" },
    { para: "各市人民政府，省政府各部门：" },
    { para: "总体要求", list: [0, 0] },
    { para: "适用范围", list: [0, 1] },
    { para: "工作原则", list: [0, 1] },
    { para: "分类分级", list: [0, 2] },
    { para: "统一管理", list: [0, 2] },
    { para: "主要任务", list: [0, 0] },
    { para: "健全制度", list: [0, 1] },
    ...BODY,
    { table: [["科目", "分值"], ["语文", "卷面得分不计入总分"], ["数学", "150\n含附加题"]] },
    { para: "隐藏的批注文字正文可见部分", hidden: [0, 7] },
    { para: "江南省人民政府办公厅" },
    { para: "2024年5月20日" },
  ],
};

const EXPECTED = [
  "江南省人民政府办公厅文件",
  "江南政办发〔2024〕12号",
  "江南省人民政府办公厅关于加强政务数据安全管理工作的通知",
  "各市人民政府，省政府各部门：",
  "一、总体要求",
  "（一）适用范围",
  "（二）工作原则",
  "1.分类分级",
  "2.统一管理",
  "二、主要任务",
  "（一）健全制度",
  ...BODY.map((b) => b.para),
  "科目 | 分值",
  "语文 | 卷面得分不计入总分",
  "数学 | 150 含附加题",
  "正文可见部分",
  "江南省人民政府办公厅",
  "2024年5月20日",
];

const lines = (text: string): string[] => text.split("\n").filter((l) => l.trim());

describe("DOC: the piece table", () => {
  it("reads paragraphs, list numbers, table rows, field results and curly quotes; leaves hidden text and field codes out", async () => {
    const p = join(dir, "notice.doc");
    await writeDoc(p, SPEC);
    const d = await extractFile(p);
    expect(lines(d.pages[0]!.text)).toEqual(EXPECTED);
    expect(d.paged).toBe(false);
    expect(d.meta).toMatchObject({ isGongwen: true, docNumber: "江南政办发〔2024〕12号", issuer: "江南省人民政府办公厅", kind: "通知", date: "2024-05-20" });
  });

  it("reads a fast-saved file (pieces out of order, stale text left in the stream) whole and in order", async () => {
    const p = join(dir, "fast.doc");
    await writeDoc(p, { ...SPEC, fastSaved: true });
    const cfb = CFB.read(await import("node:fs/promises").then((f) => f.readFile(p)), { type: "buffer" });
    const stream = Buffer.from(CFB.find(cfb, "WordDocument")!.content as Uint8Array).toString("utf16le");
    // The stream really is out of order and holds superseded text: reading it front to back would be wrong.
    expect(stream).toContain("已删除的旧版本文字");
    expect(stream.indexOf("第12段")).toBeLessThan(stream.indexOf("第3段"));
    const d = await extractFile(p);
    expect(lines(d.pages[0]!.text)).toEqual(EXPECTED);
    expect(d.pages[0]!.text).not.toContain("已删除的旧版本文字");
  });

  it("takes the document-properties title only when the text has none, and refuses junk titles", () => {
    expect(readDoc(buildDoc({ title: "年度工作要点", blocks: [{ para: "一、工作目标" }] })).title).toBe("年度工作要点");
  });

  it("refuses an encrypted file, a Word 6/95 file and garbage with a clear message naming the file", async () => {
    const good = buildDoc({ blocks: [{ para: "正文。" }] });
    const cfb = CFB.read(good, { type: "buffer" });
    const word = Buffer.from(CFB.find(cfb, "WordDocument")!.content as Uint8Array);
    const variant = async (name: string, patch: (w: Buffer) => void): Promise<string> => {
      const w = Buffer.from(word);
      patch(w);
      const c = CFB.utils.cfb_new();
      CFB.utils.cfb_add(c, "/WordDocument", w);
      CFB.utils.cfb_add(c, "/1Table", Buffer.from(CFB.find(cfb, "1Table")!.content as Uint8Array));
      const p = join(dir, name);
      await writeFile(p, Buffer.from(CFB.write(c, { type: "buffer" }) as Uint8Array));
      return p;
    };
    const locked = await variant("locked.doc", (w) => w.writeUInt16LE(w.readUInt16LE(0x0a) | 0x0100, 0x0a));
    await expect(extractFile(locked)).rejects.toThrow(/已加密.*locked\.doc/);
    const old = await variant("word95.doc", (w) => w.writeUInt16LE(0x65, 2));
    await expect(extractFile(old)).rejects.toThrow(/Word 6\.0\/95.*另存为 \.docx/);
    const junk = join(dir, "junk.doc");
    await writeFile(junk, Buffer.from("这不是 Word 文档".repeat(100)));
    await expect(extractFile(junk)).rejects.toThrow(/Word 97-2003 文档已损坏.*junk\.doc/);
  });
});

const has = (tool: string): boolean => {
  try {
    execFileSync("which", [tool], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
/** Whitespace and table bars removed: the texts compare on characters, not layout. */
const norm = (s: string): string => s.replace(/[\s|\u3000]+/g, "");

/** Every line antiword prints (4+ characters) must be in our text: antiword reads the piece table too (it loses list numbers and shows hidden text, which we leave out). */
function missingFromOurs(ours: string, antiword: string): string[] {
  const o = norm(ours);
  return antiword
    .split("\n")
    .flatMap((l) => l.split("|"))
    .map(norm)
    .filter((seg) => seg.length >= 4 && !seg.includes("隐藏") && !seg.startsWith("[pic]") && !/^-+$/.test(seg) && !o.includes(seg));
}

describe.skipIf(!has("antiword"))("DOC against antiword (test-only tool)", () => {
  it("a written and a fast-saved file: nothing antiword reads is missing from ours", async () => {
    for (const fastSaved of [false, true]) {
      const p = join(dir, `cmp-${fastSaved}.doc`);
      await writeDoc(p, { ...SPEC, fastSaved });
      const ref = execFileSync("antiword", ["-m", "UTF-8.txt", p], { encoding: "utf8" });
      const ours = (await extractFile(p)).pages[0]!.text;
      expect(missingFromOurs(ours, ref), `fastSaved=${fastSaved}`).toEqual([]);
    }
  });

  const CORPUS = "/work/shared/corpus";
  it.skipIf(!existsSync(CORPUS))("the corpus .doc files (two of them fast-saved): nothing antiword reads is missing from ours", async () => {
    for (const f of readdirSync(CORPUS).filter((x) => x.endsWith(".doc"))) {
      const ref = execFileSync("antiword", ["-m", "UTF-8.txt", join(CORPUS, f)], { encoding: "utf8" });
      const ours = (await extractFile(join(CORPUS, f))).pages[0]!.text;
      expect(missingFromOurs(ours, ref), f).toEqual([]);
      expect(norm(ours).length, f).toBeGreaterThanOrEqual(norm(ref).length * 0.97);
    }
  });
});
