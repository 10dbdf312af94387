import type { CheckResult, DraftSpec, Finding } from "../../../common/contracts/drafting";
import type { DocKind } from "../../../common/contracts/doc-kinds";
import { kindOfTitle, kindTemplate } from "../kinds/kinds";
import { draftText } from "./draft-text";
import { recogniseRoles, splitLines } from "./recognise";
import { attachmentNoteRule } from "./rules/attachments";
import { dateRule, zeroRule } from "./rules/dates";
import { digitsRule } from "./rules/digits";
import { closingRule, requiredRule, signerRule } from "./rules/kind";
import { numberRule } from "./rules/number";
import { numberingFormRule, numberingOrderRule } from "./rules/numbering";
import { halfWidthRule } from "./rules/punctuation";
import { recipientsColonRule, singleRecipientRule } from "./rules/recipients";
import { mixedKindRule, titleKindRule, titlePunctRule } from "./rules/title";
import { wordsRule } from "./rules/words";
import type { CheckDoc, Rule } from "./types";

/**
 * 规范性检查 without a model: every rule over the text, findings sorted by
 * position. Each finding's excerpt is exactly the text at its offset, and
 * its suggestion (when there is one) replaces that excerpt.
 */
export const RULES: readonly Rule[] = [
  numberRule,
  dateRule,
  zeroRule,
  titleKindRule,
  titlePunctRule,
  mixedKindRule,
  recipientsColonRule,
  singleRecipientRule,
  numberingFormRule,
  numberingOrderRule,
  attachmentNoteRule,
  halfWidthRule,
  wordsRule,
  digitsRule,
  signerRule,
  requiredRule,
  closingRule,
];

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function runRules(doc: CheckDoc, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    rule.check(doc, (i) => {
      const key = `${rule.id}:${i.offset}:${i.length}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push({ rule: rule.id, severity: i.severity, message: i.message, excerpt: doc.text.slice(i.offset, i.offset + i.length), offset: i.offset, suggestion: i.suggestion ?? null });
    });
  }
  return findings.sort((a, b) => a.offset - b.offset || ORDER[a.severity] - ORDER[b.severity]);
}

function result(doc: CheckDoc, findings: Finding[]): Omit<CheckResult, "segments"> {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return {
    text: doc.text,
    findings,
    stats: {
      chars: [...doc.text].length,
      lines: doc.lines.filter((l) => l.text.trim()).length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
      rules: RULES.length,
      kind: doc.kind,
    },
  };
}

/** Checks free text (a file's, or pasted): roles recognised, kind from the title unless given. */
export function checkText(text: string, kind?: DocKind): CheckResult {
  const lines = splitLines(text);
  recogniseRoles(lines);
  const title = lines.filter((l) => l.role === "title").map((l) => l.text.trim()).join("");
  const k = kind ?? (title ? kindOfTitle(title) : null);
  const doc: CheckDoc = { text, lines, kind: k, template: k ? kindTemplate(k) : null, fromDraft: false };
  return result(doc, runRules(doc));
}

/** Checks a draft as it will be printed; segments map findings back to its fields. */
export function checkDraft(spec: DraftSpec): CheckResult {
  const { doc, segments } = draftText(spec);
  return { ...result(doc, runRules(doc)), segments };
}
