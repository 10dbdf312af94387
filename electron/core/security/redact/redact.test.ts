import { describe, expect, it } from "vitest";
import { isValidCreditCode, isValidIdCard, luhnValid } from "./checksums";
import { findPersonalData, redact } from "./redact";

const kinds = (text: string) => findPersonalData(text).map((s) => [s.kind, s.text]);

describe("check digits", () => {
  it("居民身份证号: GB 11643 check character, province and birth date", () => {
    expect(isValidIdCard("11010519491231002X")).toBe(true);
    expect(isValidIdCard("11010519491231002x")).toBe(true);
    expect(isValidIdCard("440308199901011234")).toBe(true);
    expect(isValidIdCard("110105194912310021")).toBe(false); // wrong check digit
    expect(isValidIdCard("440308199901011235")).toBe(false);
    expect(isValidIdCard("990308199901011234")).toBe(false); // no such province
    expect(isValidIdCard("110105194902301234")).toBe(false); // 30 February
    expect(isValidIdCard("110105209901011234", new Date(2026, 0, 1))).toBe(false); // born in the future
  });

  it("Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("6222021234567890128")).toBe(true);
    expect(luhnValid("6222021234567890123")).toBe(false);
  });

  it("统一社会信用代码: GB 32100 check character", () => {
    expect(isValidCreditCode("91110000600037341L")).toBe(true);
    expect(isValidCreditCode("91440300708461136T")).toBe(true);
    expect(isValidCreditCode("91110000600037341M")).toBe(false);
    expect(isValidCreditCode("91110000600037341I")).toBe(false); // I is not in the alphabet
  });
});

describe("findPersonalData", () => {
  it("finds each kind in running Chinese text, with offsets", () => {
    const text = "申请人张三，身份证号11010519491231002X，手机13812345678，邮箱 zhang.san@example.gov.cn，银行卡6222021234567890128，单位代码91110000600037341L。";
    const spans = findPersonalData(text);
    expect(spans.map((s) => s.kind)).toEqual(["idCard", "mobile", "email", "bankCard", "creditCode"]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("an invalid 身份证号 is flagged only when a label says it is one (a mistyped number is still personal)", () => {
    expect(kinds("档案 110105194912310021")).toEqual([]);
    expect(kinds("号码 440308199901011235 有误").filter(([k]) => k === "idCard")).toEqual([]);
    expect(kinds("身份证号：110105194912310021")).toEqual([["idCard", "110105194912310021"]]);
    expect(kinds("身份证号 990105194912310021")).toEqual([]); // no such province: not an ID at all
  });

  it("a bank card needs Luhn and 16-19 digits; it may be written in groups", () => {
    expect(kinds("卡号 6222 0212 3456 7890 128")).toEqual([["bankCard", "6222 0212 3456 7890 128"]]);
    expect(kinds("卡号 6222021234567890123")).toEqual([]);
    expect(kinds("卡号 411111111111111")).toEqual([]); // 15 digits
  });

  it("a mobile number is 1[3-9] and 11 digits, not part of a longer number", () => {
    expect(kinds("电话 138-1234-5678 或 19912345678")).toEqual([
      ["mobile", "138-1234-5678"],
      ["mobile", "19912345678"],
    ]);
    expect(kinds("编号 1381234567890")).toEqual([]);
    expect(kinds("12812345678")).toEqual([]);
    expect(kinds("文号 2138123456789")).toEqual([]);
  });

  it("an ID that also passes Luhn is reported once, as an ID; a mistyped ID is not a bank card", () => {
    expect(findPersonalData("440308199901011234").map((s) => s.kind)).toEqual(["idCard"]);
    // Wrong check digit but Luhn-valid: shaped like an ID (province, birth date), so not a card either.
    expect(kinds("440308199901011236")).toEqual([]);
  });

  it("honours the kinds asked for; names and addresses only when asked", () => {
    expect(kinds("申请人张三，住址：北京市海淀区中关村大街27号")).toEqual([]);
    const text = "13812345678 a@b.cn";
    expect(findPersonalData(text, ["email"]).map((s) => s.kind)).toEqual(["email"]);
  });
});

describe("redact", () => {
  it("masks with a hint of the original", () => {
    expect(redact("身份证11010519491231002X。")).toBe("身份证110***********002X。");
    expect(redact("手机13812345678")).toBe("手机138****5678");
    expect(redact("卡 6222 0212 3456 7890 128")).toBe("卡 6222 **** **** ***0 128");
    expect(redact("代码91110000600037341L")).toBe("代码91************341L");
    expect(redact("邮箱 zhang@example.gov.cn")).toBe("邮箱 z****@example.gov.cn");
  });

  it("leaves text without personal data, and invalid numbers, untouched", () => {
    const text = "根据国办发〔2024〕12号文件，110105194912310021 号档案。";
    expect(redact(text)).toBe(text);
  });
});

/** The misses and false alarms of the security test (issue 14, finding 8). */
describe("redaction misses nothing the test found, and raises none of its false alarms", () => {
  it("mobile numbers with +86, 0086 or 86- prefixes, and in full-width digits", () => {
    expect(redact("+8613800138000")).toBe("+86138****8000");
    expect(redact("86-13800138000")).toBe("86-138****8000");
    expect(redact("0086 13800138000")).toBe("0086 138****8000");
    expect(redact("手机：１３８００１３８０００")).toBe("手机：１３８****８０００");
  });

  it("15-digit 身份证号 of before 1999, IDs written 6-8-4 with spaces, full-width IDs", () => {
    expect(kinds("老证号 110105491231002")).toEqual([["idCard", "110105491231002"]]);
    expect(kinds("流水 123456789012345")).toEqual([]); // 15 digits without a province and a real date
    expect(redact("身份证 110105 19491231 002X")).toBe("身份证 110*** ******** 002X");
    expect(redact("身份证 110105-19491231-002X")).toBe("身份证 110***-********-002X");
    expect(kinds("110105 1949123 1002X").filter(([k]) => k === "idCard")).toEqual([]); // groups that are not 6-8-4
    expect(kinds("１１０１０５１９４９１２３１００２Ｘ")).toEqual([["idCard", "１１０１０５１９４９１２３１００２Ｘ"]]);
  });

  it("统一社会信用代码 in lower case", () => {
    expect(redact("代码 91110000600037341l")).toBe("代码 91************341l");
    expect(kinds("代码 91110000600037341m")).toEqual([]);
  });

  it("amounts and order numbers are not phones", () => {
    expect(kinds("投资总额13000000000元")).toEqual([]);
    expect(kinds("共计 13000000000 元")).toEqual([]);
    expect(kinds("订单号15012345678")).toEqual([]);
    expect(kinds("合同编号：15012345678")).toEqual([]);
    // …but a labelled phone is one, whatever follows.
    expect(kinds("联系电话15012345678元旦前有效")).toEqual([["mobile", "15012345678"]]);
  });

  it("a Luhn-valid contract number and an unlabelled number without a card's first digit are not bank cards", () => {
    expect(luhnValid("4111111111111111") && luhnValid("1234567812345670")).toBe(true);
    expect(kinds("合同号 4111111111111111")).toEqual([]);
    expect(kinds("项目编号：6222021234567890128")).toEqual([]);
    expect(kinds("1234567812345670")).toEqual([]);
    expect(kinds("收款账号 1234567812345670")).toEqual([["bankCard", "1234567812345670"]]);
    expect(kinds("6222021234567890128")).toEqual([["bankCard", "6222021234567890128"]]);
  });

  it("finds the same personal data when the text is long, with exact offsets", () => {
    const unit = "申请人手机13812345678，身份证11010519491231002X。订单号15012345678；";
    const text = unit.repeat(20_000);
    const spans = findPersonalData(text);
    expect(spans).toHaveLength(40_000);
    expect(spans.filter((s) => s.kind === "mobile")).toHaveLength(20_000);
    const last = spans.at(-1)!;
    expect(text.slice(last.start, last.end)).toBe("11010519491231002X");
  });
});

describe("names and street addresses (heuristic, only when asked)", () => {
  const guess = (text: string) => findPersonalData(text, ["name", "address", "mobile"]).map((s) => [s.kind, s.text, s.masked]);

  it("a name after a label, or before 同志/先生/女士", () => {
    expect(guess("申请人张三，联系电话13812345678")).toEqual([
      ["name", "张三", "张*"],
      ["mobile", "13812345678", "138****5678"],
    ]);
    expect(guess("联系人：王小明")).toEqual([["name", "王小明", "王**"]]);
    expect(guess("向李四同志学习")).toEqual([["name", "李四", "李*"]]);
    expect(guess("欧阳娜娜女士出席")).toEqual([["name", "欧阳娜娜", "欧阳**"]]);
    expect(guess("各位女士、先生")).toEqual([]);
  });

  it("a street address keeps its district and masks the road, number and rooms", () => {
    expect(guess("他住在北京市海淀区中关村大街27号3号楼2单元501室。")).toEqual([["address", "北京市海淀区中关村大街27号3号楼2单元501室", "北京市海淀区" + "*".repeat(18)]]);
    expect(guess("联系地址：广东省深圳市南山区科技园路100号")).toEqual([["address", "广东省深圳市南山区科技园路100号", "广东省深圳市南山区********"]]);
    expect(guess("依据第三条第二款")).toEqual([]);
  });
});
