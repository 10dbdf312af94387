import { describe, expect, it } from "vitest";
import { characterErrorRate } from "./cer";
import { checkTextLayer, gbLevel } from "./garbled";

// A real garbled text layer: a Chinese national standard whose font maps Latin letters into GBK's 0xA0 row.
const GARBLED = "犐犆犛３５．０４０\n犔７１\n中华人民共和国国家标准\n犌犅／犜３３１９０—２０１６\n电子文件存储与交换格式　版式文档\n犈犾犲犮狋狉狅狀犻犮犳犻犾犲狊狋狅狉犪犵犲犪狀犱犲狓犮犺犪狀犵犲犳狅狉犿犪狋";
const REAL = "东莞市人民政府办公室关于印发《东莞市积分制人才入户实施细则》的通知。各镇人民政府（街道办事处），市府直属各单位：现印发给你们，请认真贯彻执行。";

describe("checkTextLayer", () => {
  it("calls the 犐犆犛 family garbled", () => {
    const c = checkTextLayer(GARBLED);
    expect(c.verdict).toBe("garbled");
    expect(c.rareRun).toBeGreaterThanOrEqual(4);
  });

  it("passes real 公文 text, place names with rarer characters included", () => {
    expect(checkTextLayer(REAL).verdict).toBe("ok");
    expect(checkTextLayer("莞城街道、塘厦镇、樟木头镇和虎门镇").verdict).toBe("ok");
  });

  it("calls private-use and control characters garbled", () => {
    expect(checkTextLayer("\ue001\ue002\ue003\ue004\ue005通知\ue006\ue007").verdict).toBe("garbled");
  });

  it("marks a few rare characters as worth checking against OCR", () => {
    expect(checkTextLayer(`${REAL}犃犅`).verdict).toBe("suspect");
  });

  it("knows GB 2312's levels", () => {
    expect([gbLevel("的"), gbLevel("莞"), gbLevel("犐")]).toEqual([1, 2, 0]);
  });
});

describe("characterErrorRate", () => {
  it("ignores whitespace and full-width forms, counts edits", () => {
    expect(characterErrorRate("东府办〔2015〕123号", "东府办 〔２０１５〕 123号")).toBe(0);
    expect(characterErrorRate("入户实施细则", "人户实施细则")).toBeCloseTo(1 / 6);
    expect(characterErrorRate("", "")).toBe(0);
    expect(characterErrorRate("通知", "")).toBe(1);
  });
});
