import { describe, expect, it } from "vitest";
import { chinesePunctuation } from "./punctuation";

describe("OCR line punctuation", () => {
  it("uses full-width punctuation in Chinese text and 〔〕 for the year of a 发文字号", () => {
    expect(chinesePunctuation("惠府(2016)57号")).toBe("惠府〔2016〕57号");
    expect(chinesePunctuation("《通知》(惠府(2015)158号)的精神,为进一步")).toBe("《通知》（惠府〔2015〕158号）的精神，为进一步");
    expect(chinesePunctuation("现通知如下:")).toBe("现通知如下：");
    expect(chinesePunctuation("建保［2010］87号、东府办〔2015】123号")).toBe("建保〔2010〕87号、东府办〔2015〕123号");
    expect(chinesePunctuation("省政府令第203号(2015年修订).")).toBe("省政府令第203号（2015年修订）。");
    // A bracket the line break split, beside Chinese.
    expect(chinesePunctuation("第45号公告),《广东")).toBe("第45号公告），《广东");
  });

  it("leaves Latin, numbers and times alone", () => {
    for (const s of ["HFGS—2016—3", "1.调整职工生育津贴", "Page 2 of 5, see (a) and b:c", "12:30开会", "GB/T 9704-2012", "3.14"]) expect(chinesePunctuation(s)).toBe(s);
  });
});
