import type { Severity } from "../../../common/contracts/drafting";
import type { DocKind } from "../../../common/contracts/doc-kinds";
import type { KindTemplate } from "../kinds/kinds";

/** What each line of a checked text is, as far as the 公文 structure goes (GB/T 9704-2012 §7). */
export type LineRole =
  | "copyNo"
  | "secret"
  | "urgency"
  | "mark"
  | "number"
  | "signer"
  | "title"
  | "to"
  | "body"
  | "attachmentNote"
  | "attendance"
  | "issuer"
  | "date"
  | "note"
  | "attachmentLabel"
  | "attachmentTitle"
  | "attachmentBody"
  | "cc"
  | "printer"
  | "pageNumber"
  | "other";

export interface CheckLine {
  /** The line as it is in the text (no newline). */
  text: string;
  /** Offset of the line's first character in the whole text. */
  offset: number;
  role: LineRole;
}

export interface CheckDoc {
  text: string;
  lines: CheckLine[];
  kind: DocKind | null;
  template: KindTemplate | null;
  /**
   * True when the text was rendered from a draft's fields: every role is
   * known, so structural rules (missing 签发人, 主送 colon…) apply strictly.
   */
  fromDraft: boolean;
  /** Elements a draft leaves empty (for the missing-element rule). */
  missing?: string[];
}

export interface Issue {
  severity: Severity;
  message: string;
  /** Absolute offset and length of the excerpt in doc.text. */
  offset: number;
  length: number;
  suggestion?: string | null;
}

export interface Rule {
  id: string;
  /** What it checks, in Chinese (listed by `govdesk check --rules`). */
  title: string;
  check(doc: CheckDoc, report: (issue: Issue) => void): void;
}

/** Lines of a role. */
export function linesOf(doc: CheckDoc, ...roles: LineRole[]): CheckLine[] {
  return doc.lines.filter((l) => roles.includes(l.role));
}

/** Each regex match in a line, as an absolute offset. */
export function* matches(line: CheckLine, re: RegExp): Generator<{ m: RegExpExecArray; offset: number }> {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  for (let m = g.exec(line.text); m; m = g.exec(line.text)) {
    yield { m, offset: line.offset + m.index };
    if (m[0].length === 0) g.lastIndex++;
  }
}

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
