import type { Paragraph } from "docx";
import type { BodyParagraph } from "../../../common/drafting/body";
import { splitTitle } from "../../../common/drafting/title";
import type { GovDocument } from "../document";
import { charWidth, linesFor, type Flow } from "./flow";
import { CHAR, LINE_PITCH, SIZE, type FontRole } from "./geometry";
import { blank, CENTER, LEFT, para, RIGHT, run } from "./parts";
import { STYLE } from "./styles";

/** 主体 (GB/T 9704-2012 §7.3): 标题 to 附注. */

/** Characters of 2号 a title line holds: 20 would fill the 156 mm 版心 edge to edge, one fewer leaves room for wider Latin letters and digits. */
export const TITLE_CHARS = 19;

/** 标题: 2号小标宋, centred, broken between words (§7.3.1); each line one grid line. */
export function title(flow: Flow, text: string): void {
  const lines = splitTitle(text, TITLE_CHARS);
  for (const line of lines) flow.add(para([run(line, "xiaobiaosong", { size: SIZE.二号 })], { style: STYLE.title, alignment: CENTER }), LINE_PITCH);
}

/** 主送机关: one line below the title, flush left, ending with a full-width colon (§7.3.2). */
export function recipients(flow: Flow, to: string): void {
  const text = `${to}：`;
  flow.addText(para([run(text, "fangsong")], { alignment: LEFT }), linesFor(text));
}

const HEADING_FONT: Record<1 | 2 | 3 | 4, FontRole> = { 1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong" };
const HEADING_STYLE = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4 } as const;

/** A paragraph of the 正文: two characters in; a heading's sentence in its level's face (§7.3.3). */
export function bodyParagraph(p: BodyParagraph): { paragraph: Paragraph; lines: number } {
  const children = p.level === 0 ? [run(p.text, "fangsong")] : [run(p.head, HEADING_FONT[p.level]), ...(p.rest ? [run(p.rest, "fangsong")] : [])];
  const style = p.level === 0 ? STYLE.body : HEADING_STYLE[p.level];
  return { paragraph: para(children, { style, indent: { firstLine: 2 * CHAR } }), lines: linesFor(p.text, { first: 2 }) };
}

export function body(flow: Flow, paragraphs: readonly BodyParagraph[]): void {
  for (const p of paragraphs) {
    const { paragraph, lines } = bodyParagraph(p);
    flow.addText(paragraph, lines);
  }
}

/**
 * 附件说明 (§7.3.4): one line below the text, two characters in, "附件：" and
 * the names, numbered "1．" when there are several, no closing punctuation;
 * a wrapped name lines up with its first character.
 */
export function attachmentNote(flow: Flow, titles: readonly string[]): void {
  if (titles.length === 0) return;
  flow.addAll(blank(1), LINE_PITCH);
  const label = "附件：";
  titles.forEach((t, i) => {
    const num = titles.length > 1 ? `${i + 1}．` : "";
    const start = 2 + charWidth(label);
    const nameAt = start + charWidth(num);
    const text = `${i === 0 ? label : ""}${num}${t}`;
    const first = i === 0 ? 2 : start;
    flow.addText(
      para([run(text, "fangsong")], { alignment: LEFT, indent: { left: Math.round(nameAt * CHAR), hanging: Math.round((nameAt - first) * CHAR) } }),
      linesFor(text, { first, left: nameAt }),
    );
  });
}

/** 纪要: 出席、请假、列席 (§10.3): one line below, 黑体 label two characters in, names aligned after the colon. */
export function attendance(flow: Flow, rows: GovDocument["attendance"]): void {
  if (rows.length === 0) return;
  flow.addAll(blank(1), LINE_PITCH);
  for (const r of rows) {
    const label = `${r.label}：`;
    const at = 2 + charWidth(label);
    flow.addText(
      para([run(label, "heiti"), run(r.names, "fangsong")], { alignment: LEFT, indent: { left: at * CHAR, hanging: charWidth(label) * CHAR } }),
      linesFor(label + r.names, { first: 2, left: at }),
    );
  }
}

/**
 * 发文机关署名 and 成文日期 (§7.3.5). With a seal: date four characters from
 * the right, the name centred over it, two lines below the text so the seal
 * can sit over both. Without: name two characters from the right one line
 * below the text, the date under it starting two characters further right.
 * 命令: 签发人职务 and signature four characters from the right, the date
 * one line below.
 */
export function signature(flow: Flow, doc: GovDocument): void {
  const date = doc.date;
  const dateW = charWidth(date);
  const right = (text: string, chars: number, role: FontRole = "fangsong") =>
    para([run(text, role)], { alignment: RIGHT, indent: { right: Math.max(0, Math.round(chars * CHAR)) } });
  if (doc.template.format === "命令") {
    const who = [doc.signerTitle, doc.signers.join("　")].filter(Boolean).join("　　");
    flow.addAll(blank(2), LINE_PITCH);
    if (who) flow.add(right(who, 4), LINE_PITCH);
    if (date) flow.addAll([...blank(1), right(date, 4)], LINE_PITCH);
    return;
  }
  if (!doc.issuer && !date) return;
  const nameW = charWidth(doc.issuer);
  if (doc.seal) {
    flow.addAll(blank(2), LINE_PITCH);
    if (doc.issuer) flow.add(right(doc.issuer, 4 + (dateW - nameW) / 2), LINE_PITCH);
    if (date) flow.add(right(date, 4), LINE_PITCH);
    return;
  }
  flow.addAll(blank(1), LINE_PITCH);
  // The date starts two characters right of the name's first character.
  let nameRight = 2;
  let dateRight = 2 + nameW - 2 - dateW;
  if (dateRight < 2) {
    nameRight += 2 - dateRight;
    dateRight = 2;
  }
  if (doc.issuer) flow.add(right(doc.issuer, nameRight), LINE_PITCH);
  if (date) flow.add(right(date, dateRight), LINE_PITCH);
}

/** 附注: in parentheses, two characters in, on the line below the date (§7.3.6). */
export function note(flow: Flow, text: string): void {
  if (!text) return;
  const t = `（${text}）`;
  flow.addText(para([run(t, "fangsong")], { style: STYLE.body, indent: { firstLine: 2 * CHAR } }), linesFor(t, { first: 2 }));
}
