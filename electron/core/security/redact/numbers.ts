import type { RedactionKind } from "../../../common/contracts/security";
import { isValidCreditCode, isValidIdCard, isValidOldIdCard, looksLikeIdCard, luhnValid } from "./checksums";
import { AMOUNT_LABEL, AMOUNT_UNIT, CARD_LABEL, ID_LABEL, labelBefore, PHONE_LABEL, THING_LABEL, unitAfter } from "./text-context";

/** A match a detector accepts: offsets into the text and what replaces it. */
export interface Candidate {
  start: number;
  end: number;
  masked: string;
}

/**
 * One kind of personal data. `find` scans the width-folded text (same
 * offsets as the original) with patterns whose every quantifier is bounded
 * or anchored by a lookbehind, so a scan is linear in the text's length.
 */
export interface Detector {
  kind: RedactionKind;
  find(norm: string, original: string): Iterable<Candidate>;
}

const isSeparator = (c: string): boolean => c === " " || c === "-" || c === "\u3000" || c === "－";

/** Keeps `head` and `tail` characters that are not separators and masks the rest with *. */
export function keepEnds(text: string, head: number, tail: number): string {
  let total = 0;
  for (const c of text) if (!isSeparator(c)) total++;
  let out = "";
  let k = 0;
  for (const c of text) {
    if (isSeparator(c)) out += c;
    else out += k++ < head || k > total - tail ? c : "*";
  }
  return out;
}

const digitsOf = (s: string): string => s.replace(/[\s-]/g, "");

function* matches(re: RegExp, norm: string): Generator<{ start: number; end: number; text: string; groups: RegExpMatchArray }> {
  for (const m of norm.matchAll(re)) yield { start: m.index, end: m.index + m[0].length, text: m[0], groups: m };
}

/**
 * 居民身份证号: 18 characters (6-8-4 groups may be split by one kind of
 * space or dash) with a valid check character; a mistyped one (right shape,
 * wrong check character) only after a label such as 身份证号; and the
 * 15-digit numbers issued before 1999 (province and birth date checked;
 * not after a card, order or amount label: they have no check digit).
 */
const idCard: Detector = {
  kind: "idCard",
  *find(norm, original) {
    for (const m of matches(/(?<![0-9A-Za-z])\d{6}([ -]?)\d{8}\1\d{3}[\dXx](?![0-9A-Za-z])/g, norm)) {
      const id = digitsOf(m.text).toUpperCase();
      const labelled = ID_LABEL.test(labelBefore(norm, m.start));
      if (isValidIdCard(id) || (labelled && looksLikeIdCard(id))) yield { start: m.start, end: m.end, masked: keepEnds(original.slice(m.start, m.end), 3, 4) };
    }
    for (const m of matches(/(?<![0-9A-Za-z])\d{6}([ -]?)\d{6}\1\d{3}(?![0-9A-Za-z])/g, norm)) {
      const label = labelBefore(norm, m.start);
      if (THING_LABEL.test(label) || CARD_LABEL.test(label) || AMOUNT_LABEL.test(label)) continue;
      if (isValidOldIdCard(digitsOf(m.text))) yield { start: m.start, end: m.end, masked: keepEnds(original.slice(m.start, m.end), 3, 3) };
    }
  },
};

/** 统一社会信用代码 (GB 32100), upper or lower case, with its MOD 31 check character. */
const creditCode: Detector = {
  kind: "creditCode",
  *find(norm, original) {
    for (const m of matches(/(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/gi, norm)) {
      if (isValidCreditCode(m.text)) yield { start: m.start, end: m.end, masked: keepEnds(original.slice(m.start, m.end), 2, 4) };
    }
  },
};

/**
 * 银行卡号: 16–19 digits passing Luhn. A Luhn-valid number is common
 * (one in ten), so context decides: never after 合同号/订单号…, never an
 * 18-digit number shaped like a 身份证号; after 卡号/账号… any such number;
 * otherwise only with a card issuer's first digit (3, 4, 5, 6 or 9).
 */
const bankCard: Detector = {
  kind: "bankCard",
  *find(norm, original) {
    for (const m of matches(/(?<![\dA-Za-z-])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![\dA-Za-z-])/g, norm)) {
      const d = digitsOf(m.text);
      if (d.length < 16 || d.length > 19 || !luhnValid(d)) continue;
      const label = labelBefore(norm, m.start);
      if (THING_LABEL.test(label) || AMOUNT_LABEL.test(label)) continue;
      if (d.length === 18 && looksLikeIdCard(d)) continue;
      if (!CARD_LABEL.test(label) && !/^[34569]/.test(d)) continue;
      yield { start: m.start, end: m.end, masked: keepEnds(original.slice(m.start, m.end), 4, 4) };
    }
  },
};

/**
 * 手机号: 1[3-9] and 11 digits (groups 3-4-4 may be spaced or dashed), with
 * an optional +86 / 0086 / 86- prefix. Not an amount (投资总额…元) or the
 * number of an order or contract (订单号…), unless labelled as a phone.
 */
const mobile: Detector = {
  kind: "mobile",
  *find(norm, original) {
    for (const m of matches(/(?<![\d+-])((?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d-])/g, norm)) {
      const label = labelBefore(norm, m.start);
      const phone = PHONE_LABEL.test(label);
      if (!phone && (THING_LABEL.test(label) || AMOUNT_LABEL.test(label) || AMOUNT_UNIT.test(unitAfter(norm, m.end)))) continue;
      const prefix = m.groups[1]?.length ?? 0;
      const text = original.slice(m.start, m.end);
      yield { start: m.start, end: m.end, masked: text.slice(0, prefix) + keepEnds(text.slice(prefix), 3, 4) };
    }
  },
};

const email: Detector = {
  kind: "email",
  *find(norm, original) {
    for (const m of matches(/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, norm)) {
      const text = original.slice(m.start, m.end);
      const at = m.text.indexOf("@");
      yield { start: m.start, end: m.end, masked: `${text[0]}${"*".repeat(Math.max(3, at - 1))}${text.slice(at)}` };
    }
  },
};

/** In priority order: where matches overlap the earlier kind wins. */
export const NUMBER_DETECTORS: readonly Detector[] = [idCard, creditCode, bankCard, mobile, email];
