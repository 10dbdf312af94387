/** Check digits of the numbers redaction looks for; each returns true when the number is well-formed. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";
/** GB/T 2260 province-level codes (first two digits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

function realBirthDate(y: number, m: number, d: number, today: Date): boolean {
  const birth = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d && birth.getTime() <= today.getTime();
}

/** An 18-character 身份证号 shape: a province code and a real birth date (the check character not looked at). */
export function looksLikeIdCard(id: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  return PROVINCES.has(Number(id.slice(0, 2))) && realBirthDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)), today);
}

/** 居民身份证号 (GB 11643-1999): province, a real birth date, and the ISO 7064 MOD 11-2 check character. */
export function isValidIdCard(id: string, today: Date = new Date()): boolean {
  if (!looksLikeIdCard(id, today)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** The 15-digit 身份证号 issued before 1999: province and a real birth date (19YYMMDD); it has no check digit. */
export function isValidOldIdCard(id: string, today: Date = new Date()): boolean {
  if (!/^\d{15}$/.test(id)) return false;
  return PROVINCES.has(Number(id.slice(0, 2))) && realBirthDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)), today);
}

/** Luhn (ISO/IEC 7812) over the digits of a card number. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** The 31 characters of GB 32100-2015 (no I, O, S, V, Z). */
export const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, MOD 31 check character. */
export function isValidCreditCode(given: string): boolean {
  const code = given.toUpperCase(); // written in lower case too
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
}
