import type { DraftSpec, Finding, TextSegment } from "../contracts/drafting";

/**
 * Applying the 规范性检查's suggestions: to a text (all at once, `--fix`),
 * or one finding to a draft's fields through the segments that say where
 * each field is in the checked text (the 写作 screen's one-click fix). Pure.
 */

/** Applies non-overlapping findings with a suggestion, last first; returns the text and what was applied. */
export function applyFindings(text: string, findings: readonly Finding[]): { text: string; applied: Finding[] } {
  const usable = findings
    .filter((f) => f.suggestion !== null && text.slice(f.offset, f.offset + f.excerpt.length) === f.excerpt)
    .sort((a, b) => a.offset - b.offset || b.excerpt.length - a.excerpt.length);
  const chosen: Finding[] = [];
  let end = -1;
  for (const f of usable) {
    if (f.offset < end || (f.excerpt.length === 0 && f.offset === end)) continue;
    chosen.push(f);
    end = f.offset + f.excerpt.length;
  }
  let out = text;
  for (const f of [...chosen].reverse()) out = out.slice(0, f.offset) + f.suggestion! + out.slice(f.offset + f.excerpt.length);
  return { text: out, applied: chosen };
}

/** The draft with one finding's suggestion written into the field it falls in; null when it cannot be. */
export function applyFindingToSpec(spec: DraftSpec, text: string, segments: readonly TextSegment[], f: Finding): DraftSpec | null {
  if (f.suggestion === null) return null;
  const end = f.offset + f.excerpt.length;
  const seg = segments.find((s) => s.start <= f.offset && end <= s.end);
  if (!seg) return null;
  const value = text.slice(seg.start, seg.end);
  const next = value.slice(0, f.offset - seg.start) + f.suggestion + value.slice(end - seg.start);
  return setField(spec, seg, next);
}

function setField(spec: DraftSpec, seg: TextSegment, value: string): DraftSpec {
  switch (seg.field) {
    case "signer": {
      const list = Array.isArray(spec.signer) ? [...spec.signer] : (spec.signer ?? "").split(/[、，,；;\s]+/).filter(Boolean);
      list[seg.index ?? 0] = value;
      return { ...spec, signer: list };
    }
    case "attachments":
    case "attachmentBody": {
      const list = (spec.attachments ?? []).map((a) => (typeof a === "string" ? { title: a } : { ...a }));
      const item = list[seg.index ?? 0];
      if (!item) return spec;
      if (seg.field === "attachments") item.title = value;
      else item.body = value;
      return { ...spec, attachments: list };
    }
    case "present":
    case "absent":
    case "attending":
      return { ...spec, attendance: { ...spec.attendance, [seg.field]: value } };
    default:
      return { ...spec, [seg.field]: value };
  }
}
