import { describe, expect, it } from "vitest";
import { DraftSpec } from "../../../../electron/common/contracts/drafting";
import { emptyForm, fromSpec, replaceParagraph, toSpec } from "./form";

describe("the 写作 form", () => {
  it("round-trips a draft, leaving empty fields out", () => {
    const spec = DraftSpec.parse({ kind: "请示", issuer: "XX局", signer: ["张三", "李四"], body: "一、缘由\n妥否，请批示。", attachments: ["表一", { title: "表二", body: "内容" }], seal: false, attendance: { present: "甲" } });
    const form = fromSpec(spec);
    expect(form.signer).toBe("张三、李四");
    expect(form.attachments).toBe("表一\n表二");
    expect(DraftSpec.parse(toSpec(form))).toEqual({ ...spec, signer: "张三、李四", attachments: [{ title: "表一" }, { title: "表二", body: "内容" }] });
    expect(toSpec({ ...emptyForm("通知"), issuer: " XX " })).toEqual({ kind: "通知", issuer: "XX" });
  });

  it("takes a wording suggestion only where the paragraph is unchanged", () => {
    const body = "第一段。\n\n  第二段。\n第三段。";
    expect(replaceParagraph(body, 1, "第二段。", "第二段改。")).toBe("第一段。\n\n第二段改。\n第三段。");
    expect(replaceParagraph(body, 1, "别的。", "x")).toBeNull();
    expect(replaceParagraph(body, 9, "第二段。", "x")).toBeNull();
  });
});
