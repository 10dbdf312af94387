import type { AttachmentSpec, DraftSpec } from "../../../../electron/common/contracts/drafting";
import type { DocKind } from "../../../../electron/common/contracts/doc-kinds";

/**
 * The 写作 form: every field a string (as the inputs hold them), converted
 * to and from the contract's DraftSpec. Pure.
 */
export interface DraftForm {
  kind: DocKind;
  issuer: string;
  number: string;
  signer: string;
  signerTitle: string;
  subject: string;
  title: string;
  to: string;
  points: string;
  body: string;
  /** One attachment name a line. */
  attachments: string;
  date: string;
  note: string;
  cc: string;
  printer: string;
  printDate: string;
  secret: string;
  urgency: string;
  copyNo: string;
  seal: boolean;
  present: string;
  absent: string;
  attending: string;
  /** Attachment texts, by position (the form edits only the names). */
  attachmentBodies: (string | undefined)[];
}

export function emptyForm(kind: DocKind = "通知"): DraftForm {
  return {
    kind,
    issuer: "",
    number: "",
    signer: "",
    signerTitle: "",
    subject: "",
    title: "",
    to: "",
    points: "",
    body: "",
    attachments: "",
    date: "",
    note: "",
    cc: "",
    printer: "",
    printDate: "",
    secret: "",
    urgency: "",
    copyNo: "",
    seal: true,
    present: "",
    absent: "",
    attending: "",
    attachmentBodies: [],
  };
}

const opt = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The form as the contract takes it (empty fields left out). */
export function toSpec(f: DraftForm): DraftSpec {
  const names = f.attachments.split("\n").map((s) => s.trim()).filter(Boolean);
  const attachments: AttachmentSpec[] = names.map((title, i) => (f.attachmentBodies[i] ? { title, body: f.attachmentBodies[i] } : { title }));
  const attendance = { present: opt(f.present), absent: opt(f.absent), attending: opt(f.attending) };
  const spec: Record<string, unknown> = {
    kind: f.kind,
    issuer: f.issuer.trim(),
    number: opt(f.number),
    signer: opt(f.signer),
    signerTitle: opt(f.signerTitle),
    subject: opt(f.subject),
    title: opt(f.title),
    to: opt(f.to),
    points: opt(f.points),
    body: f.body.trim() ? f.body : undefined,
    attachments: attachments.length ? attachments : undefined,
    date: opt(f.date),
    note: opt(f.note),
    cc: opt(f.cc),
    printer: opt(f.printer),
    printDate: opt(f.printDate),
    secret: opt(f.secret),
    urgency: opt(f.urgency),
    copyNo: opt(f.copyNo),
    seal: f.seal ? undefined : false,
    attendance: Object.values(attendance).some(Boolean) ? Object.fromEntries(Object.entries(attendance).filter(([, v]) => v)) : undefined,
  };
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as DraftSpec;
}

export function fromSpec(s: DraftSpec): DraftForm {
  const atts = (s.attachments ?? []).map((a) => (typeof a === "string" ? { title: a } : a));
  return {
    ...emptyForm(s.kind),
    issuer: s.issuer,
    number: s.number ?? "",
    signer: Array.isArray(s.signer) ? s.signer.join("、") : (s.signer ?? ""),
    signerTitle: s.signerTitle ?? "",
    subject: s.subject ?? "",
    title: s.title ?? "",
    to: s.to ?? "",
    points: s.points ?? "",
    body: s.body ?? "",
    attachments: atts.map((a) => a.title).join("\n"),
    attachmentBodies: atts.map((a) => ("body" in a ? (a.body as string | undefined) : undefined)),
    date: s.date ?? "",
    note: s.note ?? "",
    cc: s.cc ?? "",
    printer: s.printer ?? "",
    printDate: s.printDate ?? "",
    secret: s.secret ?? "",
    urgency: s.urgency ?? "",
    copyNo: s.copyNo ?? "",
    seal: s.seal ?? true,
    present: s.attendance?.present ?? "",
    absent: s.attendance?.absent ?? "",
    attending: s.attendance?.attending ?? "",
  };
}

/** Replaces paragraph `index` of the body (as the core numbers them: non-empty lines) if it still reads `original`. */
export function replaceParagraph(body: string, index: number, original: string, revised: string): string | null {
  const lines = body.split("\n");
  let n = -1;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
    if (!trimmed) continue;
    n++;
    if (n !== index) continue;
    if (trimmed !== original) return null;
    lines[i] = revised;
    return lines.join("\n");
  }
  return null;
}
