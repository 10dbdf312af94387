import { describe, expect, it } from "vitest";
import { cleanLine, cleanPages, isWebFurniture, pageNumberOf } from "./hygiene";

describe("cleanLine: spaces from layout", () => {
  it.each([
    ["公共租赁住 房", "公共租赁住房"],
    ["运营单 位负责", "运营单位负责"],
    ["严 重精神障碍", "严重精神障碍"],
    ["东 莞 市 人 民 政 府 令", "东莞市人民政府令"],
    ["每累计满 1 年积 2 分。", "每累计满1年积2分。"],
    ["第 138 号", "第138号"],
    ["根据《办法》 ，结合实际", "根据《办法》，结合实际"],
    ["H F G S—2015—31", "HFGS—2015—31"],
    ["语  文 | 闭  卷 | 120分钟", "语文 | 闭卷 | 120分钟"],
    ["市　　长", "市长"],
  ])("%s → %s", (input, out) => expect(cleanLine(input)).toBe(out));

  it("keeps a real separation (several spaces, an ideographic space, a tab) as one space, and Latin words apart", () => {
    expect(cleanLine("市人民政府办公室      2015年11月5日印发")).toBe("市人民政府办公室 2015年11月5日印发");
    expect(cleanLine("第一条\u3000为了规范管理")).toBe("第一条 为了规范管理");
    expect(cleanLine("联系人：张三\t电话：12345678")).toBe("联系人：张三 电话：12345678");
    expect(cleanLine("采用 GB/T 9704 标准")).toBe("采用 GB/T 9704标准");
    expect(cleanLine("  \u3000正文缩进")).toBe("正文缩进");
  });
});

describe("page furniture", () => {
  it.each(["— 2 —", "- 2 -", "－2－", "第 2 页 共 5 页", "第2页/共5页", "2 / 5", "Page 2 of 5"])("%s is a page number", (l) => expect(pageNumberOf(l)).toBe("2"));
  it.each(["一、总体要求", "2016年", "第二条 本办法适用于全省"])("%s is not a page number", (l) => expect(pageNumberOf(l)).toBeNull());
  it.each(["您的位置：首页 > 政策法规 > 文件", "http://www.gd.gov.cn/gkmlpt/content/1/1.html", "1 of 5 11/18/2015 05:28 PM", "【打印本页】【关闭窗口】", "【字体：大 中 小】"])("%s is web print furniture", (l) =>
    expect(isWebFurniture(l)).toBe(true),
  );

  it("removes page numbers (keeping them as labels) and headers repeated across pages, not table header rows", () => {
    const body = ["各单位要加强领导。", "落实经费保障。", "按季度报送进展情况。", "本通知自印发之日起施行。"];
    const pages = [1, 2, 3, 4].map((n) => ({
      page: n,
      text: [`惠州市人民政府公报 2016年第${n}期`, body[n - 1]!, "项目 | 金额", `第${n}项。`, `— ${n + 10} —`].join("\n"),
    }));
    const out = cleanPages(pages);
    expect(out.map((p) => p.label)).toEqual(["11", "12", "13", "14"]);
    expect(out[2]!.text).toBe("按季度报送进展情况。\n项目 | 金额\n第3项。");
  });
});
