/**
 * GB/T 9704-2012 page geometry in Word units (twips = 1/20 pt; font sizes in
 * half-points; borders in eighths of a point). §5.2: A4; 天头 37 mm, 订口
 * 28 mm, 版心 156 × 225 mm; §5.2.2 and §7: 3号 body, 22 lines of 28
 * characters filling the 版心.
 */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);
export const twipsToMm = (tw: number): number => tw / TWIPS_PER_MM;

export const PAGE = { width: 11906, height: 16838 } as const; // 210 × 297 mm
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
/** 版心 width and height (156 × 225 mm). */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Line pitch of the document grid: 22 lines fill the 225 mm 版心. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE); // 579
/** 字号 in half-points. */
export const SIZE = { 初号: 84, 小初: 72, 一号: 52, 二号: 44, 三号: 32, 四号: 28 } as const;
/**
 * 3号 is 16 pt, and 28 × 16 pt is wider than 156 mm: body text is condensed
 * so that 28 characters fill a line and a 29th does not fit (Word, WPS and
 * LibreOffice all honour run spacing; LibreOffice 7.4 lays a char grid out
 * two cells per character at 16 pt, so the grid carries the lines only).
 */
export const BODY_CHAR_SPACING = -Math.ceil(SIZE.三号 * 10 - TEXT_WIDTH / CHARS_PER_LINE); // −5 twips
/** One body character (3号 with the condensing): indents are counted in these. */
export const CHAR = SIZE.三号 * 10 + BODY_CHAR_SPACING; // 315
/** One 4号 character (版记, 页码). */
export const CHAR_4 = SIZE.四号 * 10;

export const RED = "FF0000";

/** Typefaces Chinese government machines have (GB/T 9704 §5.2.2 and §7), with the fallbacks written in fontTable.xml. */
export const FONT = {
  fangsong: "仿宋_GB2312",
  kaiti: "楷体_GB2312",
  heiti: "黑体",
  xiaobiaosong: "方正小标宋简体",
  songti: "宋体",
} as const;
export type FontRole = keyof typeof FONT;
