import type { RedactionKind, RedactionSpan } from "../../../common/contracts/security";
import { HEURISTIC_DETECTORS } from "./heuristics";
import { NUMBER_DETECTORS } from "./numbers";
import { foldWidth } from "./text-context";

/** Numbers with a checksum or a fixed shape, checked in context: what redaction masks by default. */
export const DEFAULT_KINDS: readonly RedactionKind[] = ["idCard", "creditCode", "bankCard", "mobile", "email"];
/** Guesses (names, street addresses): only when asked for, and labelled as guesses. */
export const HEURISTIC_KINDS: readonly RedactionKind[] = ["name", "address"];

const DETECTORS = [...NUMBER_DETECTORS, ...HEURISTIC_DETECTORS];

/**
 * Personal data found in `text`, in order of position, never overlapping:
 * where two kinds claim the same characters the earlier detector wins (an
 * 18-digit 身份证号 can also pass Luhn). Linear in the text's length: each
 * detector's scan is, and an accepted match is checked against what is
 * already taken character by character (matches of one detector do not
 * overlap, so that is at most one pass per detector).
 */
export function findPersonalData(text: string, kinds: readonly RedactionKind[] = DEFAULT_KINDS): RedactionSpan[] {
  const norm = foldWidth(text);
  const taken = new Uint8Array(text.length);
  const spans: RedactionSpan[] = [];
  for (const d of DETECTORS) {
    if (!kinds.includes(d.kind)) continue;
    for (const c of d.find(norm, text)) {
      if (taken.subarray(c.start, c.end).includes(1)) continue;
      taken.fill(1, c.start, c.end);
      spans.push({ kind: d.kind, start: c.start, end: c.end, text: text.slice(c.start, c.end), masked: c.masked });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with every span found replaced by its mask (e.g. 110***********1234). */
export function redact(text: string, kinds?: readonly RedactionKind[]): string {
  return applySpans(text, findPersonalData(text, kinds));
}

export function applySpans(text: string, spans: readonly RedactionSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start), s.masked);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
