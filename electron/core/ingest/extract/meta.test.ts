import { describe, expect, it } from "vitest";
import { recogniseMeta } from "./meta";

const meta = (text: string): ReturnType<typeof recogniseMeta> => recogniseMeta([{ page: 1, text }]);

describe("recogniseMeta: 公文 elements", () => {
  it("normalises [2010], （2010） and 〔2010〕 document numbers to 〔〕", () => {
    expect(meta("国办发[2010]28号").docNumber).toBe("国办发〔2010〕28号");
    expect(meta("浙政发（2010）第7号").docNumber).toBe("浙政发〔2010〕7号");
    expect(meta("X政办发〔2025〕 7 号").docNumber).toBe("X政办发〔2025〕7号");
  });

  it("strips a label or publication note in front of the number", () => {
    expect(meta("（2010年4月29日国务院办公厅文件国办发[2010]28号发布）").docNumber).toBe("国办发〔2010〕28号");
  });

  it("reads a 政府令 number printed over two lines, letter-spaced", () => {
    const m = meta("东 莞 市 人 民 政 府 令\n第 138 号\n《办法》已经市人民政府同意，现予发布。\n东莞市人民政府\n2014年1月21日");
    expect(m.docNumber).toBe("东莞市人民政府令第138号");
    expect(m.issuer).toBe("东莞市人民政府");
    expect(m.date).toBe("2014-01-21");
  });

  it("takes the first standalone date (成文日期), in Arabic or Chinese numerals, not the 印发 date", () => {
    expect(meta("正文。\n二○一○年七月二十日\n附件：表\n2010年7月25日印发").date).toBe("2010-07-20");
    expect(meta("正文。\n2024年12月3日\n").date).toBe("2024-12-03");
  });

  it("finds title, issuer (from 文件 header), recipients, secrecy and urgency", () => {
    const m = meta(["秘密★6个月", "加急", "市财政局文件", "市财发〔2024〕3号", "关于做好年终决算工作的通知", "各区财政局：", "现就有关事项通知如下。"].join("\n"));
    expect(m).toMatchObject({ secrecy: "秘密★6个月", urgency: "加急", issuer: "市财政局", docNumber: "市财发〔2024〕3号", title: "关于做好年终决算工作的通知", recipients: "各区财政局" });
  });

  it("returns nothing it cannot see in ordinary prose", () => {
    expect(meta("今天天气很好，我们去公园散步。")).toEqual({});
  });
});
