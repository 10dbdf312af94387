import type { RedactionKind, RedactionSpan } from "../../../common/contracts/security";
import { isValidCreditCode, isValidIdCard, luhnValid } from "./checksums";

export const ALL_KINDS: readonly RedactionKind[] = ["idCard", "creditCode", "bankCard", "mobile", "email"];

interface Detector {
  kind: RedactionKind;
  pattern: RegExp;
  valid: (match: string) => boolean;
  mask: (match: string) => string;
}

/** Keeps `head` and `tail` characters that are not separators and masks the rest with *. */
function keepEnds(text: string, head: number, tail: number): string {
  const positions = [...text].map((c, i) => (/[\s-]/.test(c) ? -1 : i)).filter((i) => i >= 0);
  const keep = new Set([...positions.slice(0, head), ...positions.slice(positions.length - tail)]);
  return [...text].map((c, i) => (keep.has(i) || /[\s-]/.test(c) ? c : "*")).join("");
}

const digitsOf = (s: string) => s.replace(/[\s-]/g, "");

/**
 * In priority order: where spans overlap the earlier kind wins (an 18-digit
 * 身份证号 can also pass Luhn). Lookarounds keep a number from matching
 * inside a longer run of digits or letters.
 */
const DETECTORS: Detector[] = [
  {
    kind: "idCard",
    pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g,
    valid: (m) => isValidIdCard(m),
    mask: (m) => keepEnds(m, 3, 4),
  },
  {
    kind: "creditCode",
    pattern: /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g,
    valid: isValidCreditCode,
    mask: (m) => keepEnds(m, 2, 4),
  },
  {
    kind: "bankCard",
    pattern: /(?<![\d-])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![\d-])/g,
    valid: (m) => {
      const d = digitsOf(m);
      return d.length >= 16 && d.length <= 19 && luhnValid(d);
    },
    mask: (m) => keepEnds(m, 4, 4),
  },
  {
    kind: "mobile",
    pattern: /(?<![\d-])1[3-9]\d(?:[ -]?\d{4}){2}(?![\d-])/g,
    valid: () => true,
    mask: (m) => keepEnds(m, 3, 4),
  },
  {
    kind: "email",
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    valid: () => true,
    mask: (m) => {
      const at = m.indexOf("@");
      return `${m[0]}${"*".repeat(Math.max(3, at - 1))}${m.slice(at)}`;
    },
  },
];

/** Personal data found in `text`, in order of position, never overlapping. */
export function findPersonalData(text: string, kinds: readonly RedactionKind[] = ALL_KINDS): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  const overlaps = (s: number, e: number) => spans.some((x) => s < x.end && e > x.start);
  for (const d of DETECTORS) {
    if (!kinds.includes(d.kind)) continue;
    for (const m of text.matchAll(d.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!d.valid(m[0]) || overlaps(start, end)) continue;
      spans.push({ kind: d.kind, start, end, text: m[0], masked: d.mask(m[0]) });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with every span found replaced by its mask (e.g. 110***********1234). */
export function redact(text: string, kinds?: readonly RedactionKind[]): string {
  return applySpans(text, findPersonalData(text, kinds));
}

export function applySpans(text: string, spans: readonly RedactionSpan[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + text.slice(at);
}
