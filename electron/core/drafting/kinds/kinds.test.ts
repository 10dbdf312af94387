import { describe, expect, it } from "vitest";
import { DOC_ELEMENTS, DOC_KINDS, KindInfo } from "../../../common/contracts/doc-kinds";
import { allKinds, fillPattern, kindInfo, kindOfTitle, kindTemplate } from "./kinds";

describe("the 15 kinds (kinds.json)", () => {
  it("has every kind of 条例 art. 8 in order, each with all 18 elements of art. 9 and a valid contract shape", () => {
    const kinds = allKinds();
    expect(kinds.map((k) => k.kind)).toEqual([...DOC_KINDS]);
    for (const k of kinds) {
      expect(k.elements.map((e) => e.element)).toEqual([...DOC_ELEMENTS]);
      expect(() => KindInfo.parse(kindInfo(k))).not.toThrow();
      expect(k.purpose).toMatch(/^适用于/);
      expect(k.outline.length).toBeGreaterThan(0);
    }
  });

  it("says what the regulation says of 上行文, 请示, 批复, 函 and the special formats", () => {
    const q = kindTemplate("请示");
    expect([q.direction, q.requiresSigner, q.singleRecipient]).toEqual(["上行文", true, true]);
    expect(q.closings).toContain("妥否，请批示。");
    expect(new RegExp(q.closingPattern!).test("妥否，请批示。")).toBe(true);
    expect(kindTemplate("报告").requiresSigner).toBe(true);
    expect(kindTemplate("报告").forbidden[0]!.message).toMatch(/夹带请示/);
    expect(kindTemplate("通知").requiresSigner).toBe(false);
    expect(kindTemplate("通知").closings).toContain("特此通知。");
    expect(kindTemplate("批复").openings[0]).toMatch(/^你单位《关于……的请示》（……〔XXXX〕X号）收悉。/);
    expect(kindTemplate("函").closings).toEqual(expect.arrayContaining(["特此函告。", "请予函复。"]));
    expect(kindTemplate("函").format).toBe("信函");
    expect(kindTemplate("函").use("印发机关和印发日期")).toBe("none");
    expect(kindTemplate("命令").format).toBe("命令");
    expect(kindTemplate("命令").label).toBe("命令（令）");
    expect(kindTemplate("纪要").format).toBe("纪要");
    expect(kindTemplate("纪要").use("印章")).toBe("none");
    expect(kindTemplate("公告").use("主送机关")).toBe("none");
  });

  it("composes titles and marks from the patterns, and knows a title's 文种", () => {
    expect(fillPattern(kindTemplate("通知").titlePattern, { issuer: "XX市人民政府", subject: "关于加强采购管理的" })).toBe("XX市人民政府关于加强采购管理的通知");
    expect(fillPattern(kindTemplate("通知").titlePattern, { issuer: "XX市人民政府" })).toBe("");
    expect(fillPattern(kindTemplate("通知").mark, { issuer: "XX市人民政府" })).toBe("XX市人民政府文件");
    expect(fillPattern(kindTemplate("函").mark, { issuer: "XX市财政局" })).toBe("XX市财政局");
    expect(kindOfTitle("国务院办公厅关于做好规章清理工作有关问题的通知")).toBe("通知");
    expect(kindOfTitle("XX局关于追加预算的请示")).toBe("请示");
    expect(kindOfTitle("东莞市人民政府令")).toBe("命令");
    expect(kindOfTitle("关于印发《办法》的通知（试行）")).toBe("通知");
    expect(kindOfTitle("东莞市公共租赁住房管理办法")).toBeNull();
  });
});
