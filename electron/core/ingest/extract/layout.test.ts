import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { writePlacedPdf, type PlacedText } from "../testing/fixtures";
import { grid, writeOfd, type OfdLine } from "../testing/ofd-fixture";
import { extractFile } from "./index";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const CJK_SPACE = /[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]/;

/** Lays paragraphs into a column: `perLine` characters a line, the first line indented two characters. */
function column(paras: string[], x: number, y: number, perLine: number, size: number, pitch: number): OfdLine[] {
  const out: OfdLine[] = [];
  let row = 0;
  for (const p of paras) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const n = first ? perLine - 2 : perLine;
      out.push({ text: chars.splice(0, n).join(""), x: x + (first ? 2 * size : 0), y: y + row * pitch, size });
      first = false;
      row++;
    }
  }
  return out;
}

const LEFT = [
  "本市户籍人员申请公共租赁住房，应当提交家庭成员身份证明、户口簿和收入证明等材料，由街道办事处受理并初审。",
  "初审合格的，由区住房保障部门复审，复审结果在申请人所在社区公示十五日。",
];
const RIGHT = [
  "非本市户籍人员申请公共租赁住房，应当在本市连续缴纳社会保险满三年，并提供用人单位出具的劳动合同。",
  "轮候期不超过五年，轮候期间家庭情况发生变化的，应当及时申报。",
];

describe("OFD reading order by geometry", () => {
  it("reads a table drawn without rulings as rows when its columns line up; a lone wide gap stays a space", async () => {
    const p = join(dir, "unruled.ofd");
    const row = (y: number, cells: string[]): OfdLine[] => cells.map((text, i) => ({ text, x: 20 + i * 50, y, size: 5 }));
    await writeOfd(p, {
      pages: [[
        { text: "联络人员名单", x: 80, y: 20, size: 6 },
        ...row(40, ["姓名", "职务", "联系电话"]),
        ...row(50, ["张三", "科长", "12345678"]),
        ...row(60, ["李四", "科员", "87654321"]),
        { text: "江南市人民政府办公室", x: 20, y: 90, size: 5 },
        { text: "2024年5月20日印发", x: 130, y: 90, size: 5 },
      ]],
    });
    expect((await extractFile(p)).pages[0]!.text.split("\n")).toEqual(["联络人员名单", "姓名 | 职务 | 联系电话", "张三 | 科长 | 12345678", "李四 | 科员 | 87654321", "江南市人民政府办公室 2024年5月20日印发"]);
  });

  it("reads a two-column page column by column, each paragraph whole, under a full-width title", async () => {
    const p = join(dir, "two-columns.ofd");
    const title: OfdLine = { text: "住房保障政策问答", x: 80, y: 20, size: 7 };
    await writeOfd(p, { pages: [[title, ...column(LEFT, 20, 40, 16, 5, 8), ...column(RIGHT, 112, 40, 16, 5, 8)]] });
    const text = (await extractFile(p)).pages[0]!.text;
    const lines = text.split("\n");
    expect(lines).toEqual(["住房保障政策问答", ...LEFT, ...RIGHT]);
  });

  it("keeps a form grid's labels with their values, a value wrapped inside its cell kept whole", async () => {
    const p = join(dir, "form.ofd");
    const lines: OfdLine[] = [
      { text: "XX市政府文件处理单", x: 70, y: 15, size: 7 },
      { text: "来文文号", x: 32, y: 36, size: 4 },
      { text: "府办专督〔2020〕24", x: 58, y: 33, size: 4 },
      { text: "号", x: 58, y: 39, size: 4 },
      { text: "来文单位", x: 102, y: 36, size: 4 },
      { text: "市人民政府办公室", x: 127, y: 36, size: 4 },
      { text: "公文标题", x: 32, y: 50, size: 4 },
      { text: "市委主要领导同志调研后续落实事项的通知", x: 58, y: 50, size: 4 },
      { text: "拟办意见", x: 32, y: 66, size: 4 },
      { text: "1、呈张三同志阅示；", x: 58, y: 62, size: 4 },
      { text: "2、发至市商务局、市水利局。", x: 58, y: 68, size: 4 },
    ];
    // Columns at 30 | 56 | 100 | 125 | 190; rows at 30 | 45 | 57 | 75; the title row and the opinion row span the value columns.
    const rules = [
      ...grid([30, 56, 190], [30, 45, 57, 75]),
      { x: 100, y: 30, w: 0.3, h: 15 },
      { x: 125, y: 30, w: 0.3, h: 15 },
    ];
    await writeOfd(p, { pages: [lines], rules: [rules] });
    const d = await extractFile(p);
    expect(d.pages[0]!.text.split("\n")).toEqual([
      "XX市政府文件处理单",
      "来文文号 | 府办专督〔2020〕24号 | 来文单位 | 市人民政府办公室",
      "公文标题 | 市委主要领导同志调研后续落实事项的通知",
      "拟办意见 | 1、呈张三同志阅示； 2、发至市商务局、市水利局。",
    ]);
    // A form is not a 公文: its 来文文号 and the title label are not taken as the document's own.
    expect(d.meta.isGongwen).toBe(false);
    expect(d.meta.docNumber).toBeUndefined();
    expect(d.meta.title).toBe("XX市政府文件处理单");
  });
});

/** A justified line: each character placed on its own, spread to fill `width`. */
function justified(text: string, x: number, y: number, width: number, size = 12): PlacedText[] {
  const chars = [...text];
  const step = chars.length > 1 ? (width - size) / (chars.length - 1) : 0;
  return chars.map((c, i) => ({ text: c, x: x + i * step, y, size }));
}

describe("PDF layout", () => {
  it("joins justified lines into paragraphs, drops text-layer spaces inside words, turns a ruled table into rows, removes page furniture", async () => {
    const p = join(dir, "layout.pdf");
    const header = (n: number): PlacedText[] => [
      { text: "惠州市人民政府公报", x: 72, y: 40, size: 9 },
      { text: `2016年第${n}期`, x: 450, y: 40, size: 9 },
    ];
    const footer = (n: number): PlacedText => ({ text: `— ${n} —`, x: 280, y: 800, size: 12 });
    const page1: PlacedText[] = [
      ...header(1),
      // The text layer itself has a space inside a word (as justified PDFs often do).
      { text: "二、提高严 重精神障碍门诊特定病种报销比例", x: 96, y: 100 },
      ...justified("将精神分裂症调整为重症精神类疾病，其特定门诊限额四千元维持不", 96, 130, 420),
      ...justified("变，居民医保基金的支付比例从百分之五十五提高到百分之九十五，个人", 72, 150, 444),
      { text: "支付比例从百分之四十五降低到百分之五。", x: 72, y: 170 },
      { text: "三、调整积分标准", x: 96, y: 200 },
      footer(1),
    ];
    // A ruled table: 2 columns, a header row and a row whose right cell wraps over two lines.
    const xs = [72, 250, 520];
    const ys = [240, 262, 310];
    const rules = [...ys.map((y) => ({ x0: xs[0]!, y0: y, x1: xs[2]!, y1: y })), ...xs.map((x) => ({ x0: x, y0: ys[0]!, x1: x, y1: ys[2]! }))];
    const table: PlacedText[] = [
      { text: "三级指标", x: 80, y: 256 },
      { text: "积分说明", x: 258, y: 256 },
      { text: "缴纳社会保险费年限", x: 80, y: 285 },
      { text: "每个险种每累计满", x: 258, y: 280 },
      { text: "1", x: 354, y: 280 },
      { text: "年积2分。", x: 362, y: 280 },
      { text: "按月累计，不足一年的不计分。", x: 258, y: 300 },
    ];
    const page2: PlacedText[] = [...header(2), { text: "四、本通知自2016年5月1日起施行。", x: 96, y: 100 }, footer(2)];
    const page3: PlacedText[] = [...header(3), { text: "附件：积分标准", x: 96, y: 100 }, footer(3)];
    await writePlacedPdf(p, [{ items: [...page1, ...table], rules }, { items: page2 }, { items: page3 }]);
    const d = await extractFile(p);
    const lines = d.pages[0]!.text.split("\n");
    expect(lines).toEqual([
      "二、提高严重精神障碍门诊特定病种报销比例",
      "将精神分裂症调整为重症精神类疾病，其特定门诊限额四千元维持不变，居民医保基金的支付比例从百分之五十五提高到百分之九十五，个人支付比例从百分之四十五降低到百分之五。",
      "三、调整积分标准",
      "三级指标 | 积分说明",
      "缴纳社会保险费年限 | 每个险种每累计满1年积2分。按月累计，不足一年的不计分。",
    ]);
    for (const pg of d.pages) {
      expect(pg.text).not.toMatch(CJK_SPACE);
      expect(pg.text).not.toContain("公报");
      expect(pg.text).not.toMatch(/—\s*\d\s*—/);
    }
    expect(d.pages.map((x) => x.label)).toEqual(["1", "2", "3"]);
  }, 60_000);
});
