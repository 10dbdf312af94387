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

  it("an invalid 身份证号 is not flagged as one", () => {
    expect(kinds("身份证号110105194912310021")).toEqual([]);
    expect(kinds("号码 440308199901011235 有误").filter(([k]) => k === "idCard")).toEqual([]);
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

  it("an ID that also passes Luhn is reported once, as an ID", () => {
    // Invalid as an ID (check digit), but a Luhn-valid 18-digit number: it may be a card.
    expect(kinds("440308199901011236")).toEqual([["bankCard", "440308199901011236"]]);
    expect(findPersonalData("440308199901011234").map((s) => s.kind)).toEqual(["idCard"]);
  });

  it("honours the kinds asked for", () => {
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
