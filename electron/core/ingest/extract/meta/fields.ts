import type { FoundNumber } from "./number";
import { KINDS, organLike, PERSON, standaloneDate, TITLE_END, type MetaLine } from "./text";

export interface Found<T = string> {
  value: T;
  line: number;
  confidence: number;
}

/** 发文机关标志: "…文件" (joint documents: the organ lines stacked above it), or a 令 heading. */
export function findHeader(lines: readonly MetaLine[]): Found & { from: "header" | "order-heading" } | null {
  for (let i = 0; i < Math.min(lines.length, 10); i++) {
    const l = lines[i]!;
    if (l.row) continue;
    const m = /^(.{2,60}?)文件$/.exec(l.text);
    if (m || l.text === "文件") {
      const organs: string[] = m ? [m[1]!] : [];
      // Joint: organ lines stacked directly above (中共X委员会 / X人民政府 / 文件).
      for (let k = i - 1; k >= 0 && k >= i - 4 && organLike(lines[k]!.text) && !lines[k]!.row; k--) organs.unshift(lines[k]!.text);
      const list = organs.flatMap((o) => splitJoint(o)).filter((o) => o.length >= 2);
      if (list.length && list.every((o) => o.length <= 40)) return { value: list.join("、"), line: i, confidence: 0.95, from: "header" };
    }
    const order = /^(.{2,30}?)令(第\d{1,5}号)?$/.exec(l.text);
    if (order && organLike(order[1]!)) return { value: order[1]!, line: i, confidence: 0.9, from: "order-heading" };
  }
  return null;
}

/** "XX市委 XX市人民政府" written on one header line: the organs of a joint document. */
function splitJoint(s: string): string[] {
  const parts = s.split(/(?<=人民政府|委员会|办公厅|办公室|局|厅|部)(?=.{2,}(人民政府|委员会|办公厅|办公室|局|厅|部)$)/);
  return parts.every((p) => organLike(p)) ? parts : [s];
}

const NOT_TITLE = /^(目录|目次|前言|附件\d*|附表\d*|公文标题|标题|正文|说明)[：:]?$/;

/** A line that may be part of a title: not a sentence, label, date, number or form row. */
function titleish(l: MetaLine): boolean {
  const t = l.text;
  return !l.row && t.length >= 2 && t.length <= 60 && !/[。；：:！？]$/.test(t) && !NOT_TITLE.test(t) && !/^[（(].*[）)]$/.test(t) && !standaloneDate(t) && !/〔\d{4}〕\d+号$/.test(t) && !/^第\d+号$/.test(t) && !/(秘密|机密|绝密|特急|加急)(★.*)?$/.test(t) && !/文件$/.test(t);
}

/**
 * 标题: the lines (up to three) ending in a title word (关于…的通知, …办法),
 * after the header and number, or before the number in a web re-typeset.
 * The first title line may hold the issuing organ; it is kept.
 */
export function findTitle(lines: readonly MetaLine[], from: number, to: number): Found | null {
  for (let end = from; end < Math.min(lines.length, to); end++) {
    const l = lines[end]!;
    // The body (or the 主送 line) has begun: no title below this point.
    if (!l.row && (/[：:]$/.test(l.text) || (/[。；]$/.test(l.text) && l.text.length > 20))) return null;
    if (!titleish(l) || !TITLE_END.test(l.text)) continue;
    let start = end;
    while (start > from && end - start < 2 && titleish(lines[start - 1]!) && !TITLE_END.test(lines[start - 1]!.text)) start--;
    // A line above that is a heading of its own (…令, a number) is not part of the title.
    const title = lines
      .slice(start, end + 1)
      .map((x) => x.text)
      .join("");
    if (title.length >= 4 && title.length <= 120) return { value: title, line: start, confidence: start === end && !/关于/.test(title) ? 0.75 : 0.9 };
  }
  return null;
}

/** 主送机关: the line ending in "：" just after the title. */
export function findRecipients(lines: readonly MetaLine[], after: number): Found | null {
  for (let i = after + 1; i < Math.min(lines.length, after + 5); i++) {
    const l = lines[i]!;
    if (l.row) return null;
    const m = /^([^。；]{2,200})[：:]$/.exec(l.text);
    if (m && !/^(附件|联系人|联系电话|抄送|主题词|[（(]?[一二三四五六七八九十\d]+[）)、．.])/.test(m[1]!)) return { value: m[1]!, line: i, confidence: 0.9 };
    if (/[。；]$/.test(l.text) && l.text.length > 30) return null; // the body has begun
  }
  return null;
}

/**
 * 成文日期 and the 落款 above it: the first date standing alone on its line
 * after the head (not a date in the body, not the 版记's 印发 date); the
 * organ is the line (or lines, for a joint document) just above the date, or
 * the text before the date on the same line.
 */
export function findSignature(lines: readonly MetaLine[], from: number): { date: Found; organ: Found | null } | null {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.row || /印发$/.test(l.text)) continue;
    const d = standaloneDate(l.text);
    if (!d) continue;
    const date: Found = { value: d.iso, line: i, confidence: 0.9 };
    if (d.before) return { date, organ: { value: d.before, line: i, confidence: 0.85 } };
    const organs: string[] = [];
    for (let k = i - 1; k >= from && k >= i - 4; k--) {
      const t = lines[k]!.text;
      if (lines[k]!.row) break;
      if (PERSON.test(t) && organs.length === 0) continue; // 市长 吕祖善 above the organ
      if (!organLike(t)) break;
      organs.unshift(t);
    }
    return { date, organ: organs.length ? { value: organs.join("、"), line: i - organs.length, confidence: 0.9 } : null };
  }
  return null;
}

/** 文种 from the title (…的通知 → 通知, 复函 → 函, 会议纪要 → 纪要); a 令 number makes it 命令. */
export function kindOf(title: string | undefined, number: FoundNumber | null): string | undefined {
  const t = (title ?? "").replace(/（[^（）]{1,12}）$/, "");
  if (/意见书$/.test(t)) return undefined;
  for (const k of KINDS) if (t.endsWith(k)) return k;
  if (number?.from === "order-heading" || /令〔\d{4}〕/.test(number?.value ?? "")) return "命令";
  return undefined;
}
