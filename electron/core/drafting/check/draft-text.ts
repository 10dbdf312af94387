import type { DraftSpec, TextSegment } from "../../../common/contracts/drafting";
import { bodyLines } from "../../../common/drafting/body";
import { attachmentsOf, resolveDocument, signersOf } from "../document";
import { kindTemplate } from "../kinds/kinds";
import type { CheckDoc, CheckLine, LineRole } from "./types";

/**
 * A draft's fields as the text of the printed document, line by line in
 * GB/T 9704-2012 order, each line with its role and each field with where it
 * is (so that a finding's fix can be written back into the form).
 */
export interface DraftText {
  doc: CheckDoc;
  segments: TextSegment[];
}

export function draftText(spec: DraftSpec): DraftText {
  const t = kindTemplate(spec.kind);
  const d = resolveDocument(spec);
  const lines: CheckLine[] = [];
  const segments: TextSegment[] = [];
  let text = "";
  const line = (role: LineRole, parts: (string | { field: TextSegment["field"]; value: string; index?: number })[]) => {
    if (text) text += "\n";
    const start = text.length;
    for (const p of parts) {
      if (typeof p === "string") text += p;
      else {
        segments.push({ field: p.field, start: text.length, end: text.length + p.value.length, ...(p.index !== undefined ? { index: p.index } : {}) });
        text += p.value;
      }
    }
    lines.push({ text: text.slice(start), offset: start, role });
  };
  if (d.copyNo) line("copyNo", [{ field: "copyNo", value: d.copyNo }]);
  if (d.secret) line("secret", [{ field: "secret", value: d.secret }]);
  if (d.urgency) line("urgency", [{ field: "urgency", value: d.urgency }]);
  line("mark", [d.mark]);
  const signers = signersOf(spec);
  if (d.signers.length) line("signer", ["签发人：", ...signers.flatMap((s, i) => [...(i ? ["　"] : []), { field: "signer" as const, value: s, index: i }])]);
  if (d.number) line("number", [{ field: "number", value: d.number }]);
  if (d.title) line("title", [{ field: "title", value: d.title }]);
  if (d.to) line("to", [{ field: "to", value: d.to }, "："]);
  const body = bodyLines(spec.body);
  if (body.length) {
    // One segment for the whole body: a fix rewrites the body field with the (normalised) lines.
    const start = text.length + (text ? 1 : 0);
    body.forEach((b) => line("body", [b]));
    segments.push({ field: "body", start, end: text.length });
  }
  const atts = attachmentsOf(spec);
  atts.forEach((a, i) => line("attachmentNote", [i === 0 ? "附件：" : "", atts.length > 1 ? `${i + 1}．` : "", { field: "attachments", value: a.title.trim(), index: i }]));
  if (d.issuer) line("issuer", [{ field: "issuer", value: d.issuer }]);
  if (d.date) line("date", [{ field: "date", value: d.date }]);
  if (d.note) line("note", ["（", { field: "note", value: d.note }, "）"]);
  atts.forEach((a, i) => {
    line("attachmentLabel", [atts.length > 1 ? `附件${i + 1}` : "附件"]);
    line("attachmentTitle", [a.title.trim()]);
    const lines2 = bodyLines(a.body);
    if (lines2.length) {
      const start = text.length + 1;
      lines2.forEach((b) => line("attachmentBody", [b]));
      segments.push({ field: "attachmentBody", index: i, start, end: text.length });
    }
  });
  if (d.cc) line("cc", ["抄送：", { field: "cc", value: d.cc }, "。"]);
  if (d.printer || d.printDate) line("printer", [{ field: "printer", value: d.printer }, "　", d.printDate ? `${d.printDate}印发` : ""]);
  const missing: string[] = [];
  const has: Partial<Record<string, boolean>> = {
    发文字号: !!d.number,
    签发人: d.signers.length > 0,
    标题: !!d.title || t.mark === "{title}",
    主送机关: !!d.to,
    正文: body.length > 0,
    成文日期: !!d.date,
    印发机关和印发日期: !!d.printer,
  };
  for (const e of t.elements) if (e.use === "required" && has[e.element] === false) missing.push(e.element);
  return { doc: { text, lines, kind: spec.kind, template: t, fromDraft: true, missing }, segments };
}
