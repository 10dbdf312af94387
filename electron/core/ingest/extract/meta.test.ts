import { describe, expect, it } from "vitest";
import { plausibleTitle, recogniseMeta } from "./meta";

const meta = (text: string | string[], propertiesTitle?: string): ReturnType<typeof recogniseMeta> =>
  recogniseMeta([{ page: 1, text: Array.isArray(text) ? text.join("\n") : text }], propertiesTitle ? { propertiesTitle } : {});

const NOTICE = [
  "秘密★6个月",
  "加急",
  "江南省财政厅文件",
  "江南财发〔2024〕3号",
  "江南省财政厅关于做好",
  "2024年度部门决算",
  "工作的通知",
  "各市财政局，省直各部门：",
  "根据《国务院关于深化预算管理制度改革的决定》（国发〔2021〕5号）和2023年12月28日全省财政工作会议精神，现就有关事项通知如下。",
  "一、高度重视决算工作。",
  "二、按时报送决算报表。",
  "江南省财政厅",
  "2024年1月15日",
  "抄送：财政部驻江南监管局。",
  "江南省财政厅办公室 2024年1月16日印发",
];

describe("recogniseMeta: a red-header 公文", () => {
  const m = meta(NOTICE);
  it("reads every field, the three-line title whole (the organ on its first line kept)", () => {
    expect(m).toMatchObject({
      isGongwen: true,
      secrecy: "秘密★6个月",
      urgency: "加急",
      issuer: "江南省财政厅",
      docNumber: "江南财发〔2024〕3号",
      title: "江南省财政厅关于做好2024年度部门决算工作的通知",
      recipients: "各市财政局，省直各部门",
      date: "2024-01-15",
      kind: "通知",
    });
  });
  it("says where each field came from", () => {
    expect(m.sources).toMatchObject({
      issuer: { from: "header" },
      docNumber: { from: "number-line" },
      title: { from: "title" },
      date: { from: "signature" },
      kind: { from: "title" },
    });
    for (const s of Object.values(m.sources ?? {})) expect(s.confidence).toBeGreaterThan(0.5);
  });
  it("never takes a number cited in the body, nor a date from the body or the 版记", () => {
    expect(m.docNumber).not.toBe("国发〔2021〕5号");
    expect(m.date).not.toBe("2023-12-28");
    expect(m.date).not.toBe("2024-01-16");
  });
});

describe("recogniseMeta: the failures seen on real documents", () => {
  it("title and number on one line: the number is its own token, the title the text before it", () => {
    const m = meta(["国务院关于全面推进依法行政的决定国发〔2004〕10号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "现作出如下决定。"]);
    expect(m).toMatchObject({ docNumber: "国发〔2004〕10号", title: "国务院关于全面推进依法行政的决定", issuer: "国务院", kind: "决定" });
  });

  it("the issuer comes from the 落款 when there is no header", () => {
    const m = meta(["关于做好2016年高中招生工作的通知", "杭教高中〔2016〕3号", "各区教育局：", "现就有关事项通知如下。", "杭州市教育局", "2016年2月23日"]);
    expect(m).toMatchObject({ issuer: "杭州市教育局", date: "2016-02-23" });
    expect(m.sources?.issuer?.from).toBe("signature");
  });

  it("a joint document lists all its organs (header and 落款)", () => {
    expect(meta(["中共江南省委员会", "江南省人民政府", "文件", "江南发〔2024〕1号", "中共江南省委员会 江南省人民政府关于加强基层治理的意见", "各市委，各市人民政府：", "现提出如下意见。", "中共江南省委员会", "江南省人民政府", "2024年3月1日"]).issuer).toBe(
      "中共江南省委员会、江南省人民政府",
    );
    expect(meta(["关于联合开展安全检查的通知", "各县（区）应急局、市场监管局：", "现就有关事项通知如下。", "江南市应急管理局", "江南市市场监督管理局", "2024年3月1日"]).issuer).toBe("江南市应急管理局、江南市市场监督管理局");
  });

  it("a 政府令: …令 with （第N号） on the next line, the regulation as the title, 文种 命令", () => {
    const m = meta(["江南市人民政府令", "（第 56 号）", "《江南市公共租赁住房管理办法》已经市人民政府同意，现予发布，自2024年1月1日起施行。", "市  长", "江南市人民政府", "二〇二三年十二月十九日", "江南市公共租赁住房管理办法", "第一章 总则"]);
    expect(m).toMatchObject({ docNumber: "江南市人民政府令第56号", issuer: "江南市人民政府", date: "2023-12-19", title: "江南市公共租赁住房管理办法", kind: "命令" });
  });

  it("a 落款 date with mixed 〇/0 is read, not a meeting date from the body", () => {
    const m = meta(["江南省人民政府文件", "江南政发〔2009〕88号", "江南省人民政府关于印发节能减排实施方案的通知", "各市人民政府：", "《方案》已经2009年12月2日省政府常务会议通过，现印发给你们。", "江南省人民政府", "二00九年十二月三十一日"]);
    expect(m.date).toBe("2009-12-31");
  });

  it("bracket forms [ ] 【 】 ［ ］ （ ） and spaces are normalised to 〔〕", () => {
    for (const n of ["国办发[2010]28号", "国办发【2010】28号", "国办发［2010］28号", "国办发（2010）第28号", "国办发 〔2010〕 28 号"]) {
      expect(meta(["国务院办公厅文件", n, "国务院办公厅关于做好规章清理工作的通知", "各省人民政府："]).docNumber, n).toBe("国办发〔2010〕28号");
    }
  });

  it("a web re-typeset: number and date in the publication note", () => {
    const m = meta(["国务院办公厅关于做好规章清理工作有关问题的通知", "（2010年4月29日国务院办公厅文件国办发[2010]28号发布 自发布之日起施行）", "各省、自治区、直辖市人民政府：", "现就有关事项通知如下。"]);
    expect(m).toMatchObject({ docNumber: "国办发〔2010〕28号", date: "2010-04-29", issuer: "国务院办公厅" });
    expect(m.sources?.docNumber?.from).toBe("publication-note");
  });

  it("a web re-typeset of a 规范性文件: the title, then its 发文字号 on the next line", () => {
    const m = meta(["XX市办公用品采购管理办法", "X政发〔2015〕44号", "各单位采购办公用品须经分管领导审批，实行季度盘点。"]);
    expect(m).toMatchObject({ isGongwen: true, title: "XX市办公用品采购管理办法", docNumber: "X政发〔2015〕44号" });
    expect(m.sources?.docNumber?.from).toBe("number-line");
  });

  it.each([
    ["关于同意设立江南新区的批复", "批复"],
    ["关于商请支持基层治理工作的函", "函"],
    ["江南市人民政府关于2023年度工作情况的报告", "报告"],
    ["关于加强安全生产工作的意见", "意见"],
    ["关于表彰先进集体的决定", "决定"],
    ["2024年第3次市政府常务会议纪要", "纪要"],
    ["关于调整办公用房的请示", "请示"],
  ])("文种 of 「%s」 is %s", (title, kind) => {
    expect(meta(["江南市人民政府文件", "江府〔2024〕9号", title, "市政府各部门：", "正文。", "江南市人民政府", "2024年1月1日"]).kind).toBe(kind);
  });
});

describe("recogniseMeta: documents that are not 公文 get no 公文 fields", () => {
  it("a journal article citing a 公文: no number, no date, its own title", () => {
    const m = meta([
      "目 录",
      "数字政府建设中的数据治理研究",
      "张三 李四",
      "（江南大学 公共管理学院，江南 210000）",
      "摘要：2022年6月23日，国务院印发《关于加强数字政府建设的指导意见》（国发〔2022〕14号）。本文讨论数据治理。",
      "关键词：数字政府；数据治理",
      "2024年3月1日",
    ]);
    expect(m.isGongwen).toBe(false);
    expect(m).not.toHaveProperty("docNumber");
    expect(m).not.toHaveProperty("date");
    expect(m).not.toHaveProperty("issuer");
    expect(m.title).toBe("数字政府建设中的数据治理研究");
  });

  it("a standard's 编制说明 takes its title from the document properties when they hold one", () => {
    const m = meta(["一、任务来源及计划要求", "根据国家标准化管理委员会《关于下达2015年国家标准制修订计划的通知》（国标委综合〔2015〕52号），本标准由全国信息技术标准化技术委员会提出。", "二、编制过程"], "《政务信息资源目录体系》编制说明");
    expect(m).toMatchObject({ isGongwen: false, title: "《政务信息资源目录体系》编制说明", sources: { title: { from: "properties" } } });
    expect(m.docNumber).toBeUndefined();
  });

  it("a form label is not a title; tool and template titles in document properties are refused", () => {
    expect(meta(["公文标题 | 市委主要领导同志调研后续落实事项的通知", "来文文号 | 府办专督〔2020〕24号"]).title).toBeUndefined();
    for (const junk of ["Microsoft Word - 东府令138号.doc", "undefined", "沪教委〔2001〕号 签发人：", "<4D6963726F736F6674>", "标题", "Document1"]) expect(plausibleTitle(junk), junk).toBeUndefined();
    expect(plausibleTitle("年度工作要点")).toBe("年度工作要点");
  });

  it("ordinary prose: nothing but the judgement", () => {
    expect(meta("今天天气很好，我们去公园散步。")).toEqual({ isGongwen: false, sources: {} });
  });
});
