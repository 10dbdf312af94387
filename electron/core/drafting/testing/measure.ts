import { gridChars, type PageLayout, type TextLine } from "./pdf-layout";

/**
 * What the layout test measures on a rendered 公文 (mm from the page's top
 * left). A CJK glyph's em box spans 0.88 em above its baseline to 0.12 em
 * below; LibreOffice and Word centre a 3号 line in its grid line, so a
 * line's top is its em box's centre less half the line pitch.
 */
const PT = 25.4 / 72;
const TEXT_TOP = 37;
const TEXT_BOTTOM = 262;
const emTop = (l: TextLine) => l.baseline - 0.88 * l.size * PT;
const emBottom = (l: TextLine) => l.baseline + 0.12 * l.size * PT;
const emCentre = (l: TextLine) => l.baseline - 0.38 * l.size * PT;

export interface LayoutReport {
  /** The first page whose text runs from the 版心's top to its bottom. */
  fullPage: { page: number; lines: number; topMm: number; leftMm: number; rightMm: number; pitchMm: number; fullLineChars: number[] } | null;
  pageNumbers: { page: number; text: string; dashBelowMm: number; leftMm: number; rightMm: number }[];
  markTopMm: number | null;
  redLine: { x0: number; x1: number; y: number; belowNumberMm: number } | null;
  signerLine: { sameLine: boolean; baseline: number } | null;
  attachmentPages: number[];
  record: { page: number; widths: number[]; bottomMm: number } | null;
}

const bodyLines = (p: PageLayout) => p.lines.filter((l) => l.baseline < TEXT_BOTTOM + 2 && Math.abs(l.size - 16) < 0.5);

export function measureLayout(pages: PageLayout[]): LayoutReport {
  let fullPage: LayoutReport["fullPage"] = null;
  pages.forEach((p, i) => {
    const lines = bodyLines(p);
    if (fullPage || lines.length < 20 || i === 0) return;
    const pitch = (lines.at(-1)!.baseline - lines[0]!.baseline) / (lines.length - 1);
    // Only a page of text without an empty line in it (the signature's, the 附件说明's) counts as full.
    if (lines.some((l, k) => k > 0 && Math.abs(l.baseline - lines[k - 1]!.baseline - pitch) > 0.3)) return;
    // Lines that reach the right edge are full; those indented two characters start a paragraph.
    const full = lines.filter((l) => l.x1 > 182 && l.x0 < 29);
    fullPage = {
      page: i + 1,
      lines: lines.length,
      topMm: round(emCentre(lines[0]!) - pitch / 2),
      leftMm: round(Math.min(...lines.map((l) => l.x0))),
      rightMm: round(Math.max(...full.map((l) => l.x1))),
      pitchMm: round(pitch),
      fullLineChars: [...new Set(full.map((l) => gridChars(l.text)))],
    };
  });
  const pageNumbers = pages.flatMap((p, i) => {
    const n = p.lines.find((l) => l.baseline > TEXT_BOTTOM && /—\s*\d+\s*—/.test(l.text));
    return n ? [{ page: i + 1, text: n.text.replace(/\s+/g, " "), dashBelowMm: round(emCentre(n) - TEXT_BOTTOM), leftMm: round(n.x0), rightMm: round(n.x1) }] : [];
  });
  const first = pages[0];
  const mark = first?.lines.find((l) => l.size >= 30);
  const red = first?.rules.find((r) => r.color.toLowerCase() === "#ff0000" && r.x1 - r.x0 > 150 && r.x1 - r.x0 < 160);
  const numberLine = red && first ? first.lines.filter((l) => l.baseline < red.y && l.size < 20).at(-1) : undefined;
  const hasSigner = !!first?.lines.some((l) => l.text.includes("签发人"));
  const attachmentPages = pages.flatMap((p, i) => (p.lines[0] && /^附件\d*$/.test(p.lines[0].text) ? [i + 1] : []));
  const last = pages.at(-1);
  const recordRules = last ? last.rules.filter((r) => r.color === "#000000" && r.x1 - r.x0 > 150 && r.y > TEXT_TOP) : [];
  return {
    fullPage,
    pageNumbers,
    markTopMm: mark ? round(emTop(mark)) : null,
    redLine: red && numberLine ? { x0: round(red.x0), x1: round(red.x1), y: round(red.y), belowNumberMm: round(red.y - emBottom(numberLine)) } : null,
    // 上行文: the line over the red line holds the 发文字号 on the left and the last 签发人 on the right.
    signerLine: hasSigner && numberLine ? { sameLine: /^\S*〔\d{4}〕\d+号\S+/.test(numberLine.text) && numberLine.x0 < 34 && numberLine.x1 > 178, baseline: round(numberLine.baseline) } : null,
    attachmentPages,
    record: recordRules.length ? { page: pages.length, widths: recordRules.sort((a, b) => a.y - b.y).map((r) => r.width), bottomMm: round(Math.max(...recordRules.map((r) => r.y))) } : null,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;
