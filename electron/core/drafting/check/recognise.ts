import { DOC_KINDS } from "../../../common/contracts/doc-kinds";
import type { CheckLine, LineRole } from "./types";

/**
 * Roles of the lines of a 公文 read from a file (TXT, DOCX, PDF…): where
 * the 发文字号, 标题, 主送机关, 正文, 附件说明, 署名 and 日期, 版记 are.
 * Heuristic, in the order GB/T 9704-2012 §7 prescribes; a line it cannot
 * place stays "body", so structural rules only fire on lines it is sure of.
 */

/** A 发文字号 in any of the forms people write (the check then says which form is wrong). */
export const NUMBER_LIKE = /[A-Za-zＡ-Ｚ\u4e00-\u9fa5]{1,15}\s*[〔［[【（(｛{]\s*[0-9０-９]{2,4}\s*[〕］\]】）)｝}]\s*第?\s*[0-9０-９]{1,5}\s*号/;
const ORDER_NUMBER = /^第\s*\d{1,5}\s*号$|令\s*第\s*\d{1,5}\s*号/;
export const DATE_LINE = /^[\s\u3000]*(\d{4}|[〇○零一二三四五六七八九OＯ0]{4})\s*[年.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[月.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?[\s\u3000]*$/;
const PAGE_NUMBER = /^[\s\u3000]*[—–\-－]\s*\d{1,4}\s*[—–\-－][\s\u3000]*$/;
const KIND_END = new RegExp(`(${DOC_KINDS.join("|")}|令)(（[^）]*）)?$`);

export function splitLines(text: string): CheckLine[] {
  const lines: CheckLine[] = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    lines.push({ text: raw.replace(/\r$/, ""), offset, role: "body" });
    offset += raw.length + 1;
  }
  return lines;
}

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, "");

export function recogniseRoles(lines: CheckLine[]): void {
  const set = (i: number, role: LineRole) => {
    if (lines[i]) lines[i]!.role = role;
  };
  const nonEmpty = lines.map((l, i) => ({ i, t: squeeze(l.text) })).filter((x) => x.t.length > 0);
  for (const { i, t } of nonEmpty) {
    if (PAGE_NUMBER.test(t)) set(i, "pageNumber");
    else if (t.length === 0) set(i, "other");
  }
  for (const l of lines) if (!squeeze(l.text)) l.role = "other";
  const head = nonEmpty.slice(0, 16);
  // 份号, 密级, 紧急程度, the red-header mark.
  for (const { i, t } of head.slice(0, 8)) {
    if (/^\d{6}$/.test(t)) set(i, "copyNo");
    else if (/^(绝密|机密|秘密)(★.{0,8})?$/.test(t)) set(i, "secret");
    else if (/^(特急|加急|特提|平急)$/.test(t)) set(i, "urgency");
    else if (/^.{2,30}(文件|令)$/.test(t) && !KIND_END.test(t.replace(/令$/, ""))) set(i, "mark");
  }
  let numberAt = -1;
  for (const { i, t } of head) {
    if (/签发人/.test(t)) set(i, "signer");
    if (numberAt < 0 && (NUMBER_LIKE.test(t) || ORDER_NUMBER.test(t)) && t.length <= 60) {
      numberAt = i;
      set(i, /签发人/.test(t) ? "signer" : "number");
    }
  }
  // 标题: after the number (web re-typesets put it first), starts with or contains 关于 or ends with a 文种; may wrap over three lines.
  const after = nonEmpty.filter((x) => x.i > numberAt).slice(0, 10);
  const before = numberAt > 0 ? nonEmpty.filter((x) => x.i < numberAt) : [];
  // A "关于…" title first, after the number and then before it; a line merely ending with a 文种 only failing that.
  const titleEnd = findTitle(lines, after, true) ?? findTitle(lines, before, true) ?? findTitle(lines, after, false) ?? findTitle(lines, before, false) ?? -1;
  const body = nonEmpty.filter((x) => x.i > Math.max(titleEnd, numberAt));
  // 主送机关: the first line after the title ending with a colon, short and without a full stop.
  const to = body.slice(0, 3).find((x) => /[：:]$/.test(x.t) && x.t.length <= 120 && !/[。]/.test(x.t) && !/^(附件|[一二三四五六七八九十]+、|[（(])/.test(x.t));
  if (to && titleEnd >= 0) set(to.i, "to");
  // 版记 and the signature block, from the end.
  for (let k = nonEmpty.length - 1; k >= 0 && k >= nonEmpty.length - 8; k--) {
    const { i, t } = nonEmpty[k]!;
    if (lines[i]!.role === "pageNumber") continue;
    if (/^抄送[：:]/.test(t)) set(i, "cc");
    else if (/印发$/.test(t) && /\d{4}年/.test(t)) set(i, "printer");
  }
  // 成文日期: the first standalone date after the body; the short line above it is the 署名; a （…） line below it is the 附注.
  for (let k = 0; k < body.length; k++) {
    const { i, t } = body[k]!;
    if (!DATE_LINE.test(t) || lines[i]!.role !== "body") continue;
    set(i, "date");
    const prev = body[k - 1];
    if (prev && prev.t.length <= 30 && !/[。，；：:]/.test(prev.t) && lines[prev.i]!.role === "body") set(prev.i, "issuer");
    const next = body[k + 1];
    if (next && /^[（(].*[）)]$/.test(next.t)) set(next.i, "note");
    break;
  }
  // 附件说明: "附件：" after the text, with its numbered continuation lines.
  for (let k = 0; k < body.length; k++) {
    const { i, t } = body[k]!;
    if (!/^附件\s*[：:]/.test(t)) continue;
    set(i, "attachmentNote");
    for (let n = k + 1; n < body.length && /^\d{1,2}\s*[．.、]/.test(body[n]!.t); n++) set(body[n]!.i, "attachmentNote");
    break;
  }
  // 附件 pages: "附件1" alone on a line after the date, its title on the next line.
  const dateAt = lines.findIndex((l) => l.role === "date");
  if (dateAt >= 0) {
    let state: "none" | "label" | "body" = "none";
    for (const { i, t } of nonEmpty.filter((x) => x.i > dateAt)) {
      const role = lines[i]!.role;
      if (role === "cc" || role === "printer" || role === "pageNumber" || role === "note") continue;
      if (/^附件\d{0,2}$/.test(t)) {
        set(i, "attachmentLabel");
        state = "label";
      } else if (state === "label") {
        set(i, "attachmentTitle");
        state = "body";
      } else if (state === "body") set(i, "attachmentBody");
    }
  }
}

const stripEnd = (t: string): string => t.replace(/[。．.，,；;：:！!？?]+$/, "");

/** Marks the title lines among `candidates`; returns the index of its last line. */
function findTitle(lines: CheckLine[], candidates: { i: number; t: string }[], withGuanyu: boolean): number | null {
  for (let k = 0; k < candidates.length; k++) {
    const { t } = candidates[k]!;
    if (lines[candidates[k]!.i]!.role !== "body" || /[。；]/.test(stripEnd(t)) || t.length > 60 || NUMBER_LIKE.test(t)) continue;
    if (withGuanyu ? !/关于/.test(t) : !KIND_END.test(t)) continue;
    let end = k;
    let joined = stripEnd(t);
    while (!KIND_END.test(joined) && end + 1 < candidates.length && end - k < 2 && !/[：:。]$/.test(candidates[end + 1]!.t)) {
      end++;
      joined += stripEnd(candidates[end]!.t);
    }
    if (!KIND_END.test(joined) && !/关于/.test(t)) continue;
    for (let x = k; x <= end; x++) lines[candidates[x]!.i]!.role = "title";
    return candidates[end]!.i;
  }
  return null;
}
