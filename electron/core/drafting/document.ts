import type { AttachmentSpec, DraftSpec } from "../../common/contracts/drafting";
import { parseBody, type BodyParagraph } from "../../common/drafting/body";
import { formatDate, parseDate, today } from "../../common/drafting/dates";
import { RpcError } from "../../common/rpc/wire";
import { fillPattern, kindTemplate, type KindTemplate } from "./kinds/kinds";

/**
 * A draft resolved into what the page shows: the template applied, the
 * title composed when only 事由 was given, dates in the standard form,
 * presentational punctuation (主送's colon, 抄送's full stop) added.
 */
export interface GovDocument {
  template: KindTemplate;
  copyNo: string;
  secret: string;
  urgency: string;
  /** 发文机关标志 (or 纪要标志, 命令 mark). */
  mark: string;
  number: string;
  signers: string[];
  title: string;
  /** 主送机关 without the colon (empty when none). */
  to: string;
  paragraphs: BodyParagraph[];
  attachments: { title: string; paragraphs: BodyParagraph[] }[];
  /** 发文机关署名. */
  issuer: string;
  signerTitle: string;
  date: string;
  note: string;
  attendance: { label: "出席" | "请假" | "列席"; names: string }[];
  cc: string;
  printer: string;
  printDate: string;
  seal: boolean;
}

const trimColon = (s: string): string => s.trim().replace(/[：:]+$/, "");
const trimStop = (s: string): string => s.trim().replace(/[。．.]+$/, "");

export function attachmentsOf(spec: Pick<DraftSpec, "attachments">): AttachmentSpec[] {
  return (spec.attachments ?? []).map((a) => (typeof a === "string" ? { title: a } : a));
}

export function signersOf(spec: Pick<DraftSpec, "signer">): string[] {
  const s = spec.signer;
  if (!s) return [];
  return (Array.isArray(s) ? s : s.split(/[、，,；;\s]+/)).map((x) => x.trim()).filter(Boolean);
}

/** The title as printed: given, or composed from the kind's pattern (发文机关 + 关于 + 事由 + 的 + 文种). */
export function resolveTitle(spec: DraftSpec, t: KindTemplate = kindTemplate(spec.kind)): string {
  if (spec.title?.trim()) return spec.title.trim();
  return fillPattern(t.titlePattern, { issuer: spec.issuer, subject: spec.subject });
}

function normaliseDate(value: string | undefined, what: string, fallback: string): string {
  if (!value?.trim()) return fallback;
  const d = parseDate(value);
  if (!d) throw new RpcError("INVALID_INPUT", `${what}“${value}”无法识别：请写成 2025-03-15 或 2025年3月15日。`);
  return formatDate(d);
}

export function resolveDocument(spec: DraftSpec, now = new Date()): GovDocument {
  const t = kindTemplate(spec.kind);
  const title = resolveTitle(spec, t);
  const use = (e: Parameters<KindTemplate["use"]>[0]) => t.use(e) !== "none";
  const date = normaliseDate(spec.date, "成文日期", use("成文日期") ? formatDate(today(now)) : "");
  const mark = fillPattern(t.mark, { issuer: spec.issuer, title }) || spec.issuer;
  const attendance: GovDocument["attendance"] = [];
  if (spec.attendance?.present) attendance.push({ label: "出席", names: spec.attendance.present });
  if (spec.attendance?.absent) attendance.push({ label: "请假", names: spec.attendance.absent });
  if (spec.attendance?.attending) attendance.push({ label: "列席", names: spec.attendance.attending });
  const printDateText = spec.printDate?.trim() ? normaliseDate(spec.printDate, "印发日期", "") : date;
  return {
    template: t,
    copyNo: spec.copyNo?.trim() ?? "",
    secret: spec.secret?.trim() ?? "",
    urgency: spec.urgency?.trim() ?? "",
    mark,
    number: spec.number?.trim() ?? "",
    signers: use("签发人") ? signersOf(spec) : [],
    // 纪要: the mark is the title; it is not printed twice.
    title: t.mark === "{title}" ? "" : title,
    to: use("主送机关") ? trimColon(spec.to ?? "") : "",
    paragraphs: parseBody(spec.body),
    attachments: attachmentsOf(spec).map((a) => ({ title: trimStop(a.title), paragraphs: parseBody(a.body) })),
    issuer: use("发文机关署名") ? spec.issuer.trim() : "",
    signerTitle: spec.signerTitle?.trim() ?? "",
    date,
    note: spec.note?.trim().replace(/^[（(]|[）)]$/g, "") ?? "",
    attendance,
    cc: trimStop(spec.cc ?? "").replace(/^抄送[：:]/, ""),
    printer: use("印发机关和印发日期") ? (spec.printer?.trim() ?? "") : "",
    printDate: use("印发机关和印发日期") && (spec.printer?.trim() || spec.printDate?.trim()) ? printDateText : "",
    seal: spec.seal ?? t.use("印章") !== "none",
  };
}
