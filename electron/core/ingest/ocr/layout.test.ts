import { describe, expect, it } from "vitest";
import { layoutLines, type OcrLine } from "./layout";

const H = 30;
function line(text: string, x: number, row: number, w = text.length * H): OcrLine {
  return { text, confidence: 0.9, box: { x, y: 100 + row * H * 1.6, w, h: H } };
}

describe("layoutLines", () => {
  it("joins a paragraph's lines, breaks at an indent, a short line and a title", () => {
    const lines = [
      line("关于做好春节期间安全工作的通知", 150, 0),
      line("各区人民政府：", 0, 2),
      line("为切实做好春节期间各项安全工作，确保人民群众", 60, 3, 900),
      line("度过一个欢乐祥和的节日，现就有关事项通知如下。", 0, 4, 960),
      line("一、高度重视。", 60, 5, 240),
      line("各单位要加强领导。", 60, 6, 300),
    ];
    expect(layoutLines(lines.reverse()).text).toBe(
      ["关于做好春节期间安全工作的通知", "各区人民政府：", "为切实做好春节期间各项安全工作，确保人民群众度过一个欢乐祥和的节日，现就有关事项通知如下。", "一、高度重视。", "各单位要加强领导。"].join("\n"),
    );
  });

  it("reads a two-column page column by column, under a full-width title", () => {
    const left = Array.from({ length: 6 }, (_, i) => line(`左栏第${i + 1}行正文内容示例文字`, 0, i + 2, 450));
    const right = Array.from({ length: 6 }, (_, i) => line(`右栏第${i + 1}行正文内容示例文字`, 520, i + 2, 450));
    const title = line("两栏排版的标题横跨整个页面宽度", 100, 0, 800);
    const out = layoutLines([...right, title, ...left]).lines.map((l) => l.text);
    expect(out[0]).toBe(title.text);
    expect(out.slice(1, 7)).toEqual(left.map((l) => l.text));
    expect(out.slice(7)).toEqual(right.map((l) => l.text));
  });

  it("reads a table row by row, cells in order", () => {
    const cells: OcrLine[] = [];
    const table = [["序号", "事项名称", "办理时限"], ["1", "户籍迁入", "5个工作日"], ["2", "居住证办理", "10个工作日"], ["3", "积分入户", "20个工作日"]];
    table.forEach((row, r) => row.forEach((t, c) => cells.push(line(t, c * 320, r))));
    const text = layoutLines(cells.reverse()).text.split("\n");
    expect(text).toEqual(["序号 事项名称 办理时限", "1 户籍迁入 5个工作日", "2 居住证办理 10个工作日", "3 积分入户 20个工作日"]);
  });

  it("keeps a line that the detector cut at a small gap as one line, without a space between Chinese characters", () => {
    const text = layoutLines([line("东莞市人民", 0, 0), line("政府办公室", 5 * H + 10, 0)]).text;
    expect(text).toBe("东莞市人民政府办公室");
  });
});
