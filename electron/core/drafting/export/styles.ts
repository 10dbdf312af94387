import { BODY_CHAR_SPACING, CHAR, FONT, LINE_PITCH, SIZE } from "./geometry";

/**
 * word/styles.xml and word/fontTable.xml, written by us (the docx library's
 * Packer overrides them) because two things matter that it cannot express:
 * paragraphs that do not snap to the line grid (版头, 标题: a 36 pt 标志 or a
 * 22 pt title line must not take two grid lines), and east-Asian fallbacks
 * for the government typefaces (altName, charset 86, panose) so the document
 * still lays out where 仿宋_GB2312 or 方正小标宋简体 is not installed.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const rFonts = (name: string): string => `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:cs="${name}"/>`;

function style(id: string, name: string, body: string, options: { basedOn?: string; isDefault?: boolean } = {}): string {
  return (
    `<w:style w:type="paragraph"${options.isDefault ? ' w:default="1"' : ""} w:styleId="${id}"><w:name w:val="${name}"/>` +
    (options.basedOn ? `<w:basedOn w:val="${options.basedOn}"/>` : "") +
    `<w:qFormat/>${body}</w:style>`
  );
}

/** Style ids the export uses. */
export const STYLE = {
  normal: "Normal",
  body: "GovBody",
  free: "GovFree",
  title: "GovTitle",
  record: "GovRecord",
  footer: "GovFooter",
  h1: "GovHeading1",
  h2: "GovHeading2",
  h3: "GovHeading3",
  h4: "GovHeading4",
} as const;

/** No automatic space between Chinese and Latin text or digits: a digit is half a character, as on the grid. */
const NO_AUTOSPACE = `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`;
const exact = (line: number) => `<w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/>`;

export function stylesXml(): string {
  const normalRpr = `<w:rPr>${rFonts(FONT.fangsong)}<w:spacing w:val="${BODY_CHAR_SPACING}"/><w:sz w:val="${SIZE.三号}"/><w:szCs w:val="${SIZE.三号}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`;
  const heading = (n: number) =>
    style(STYLE[`h${n}` as "h1"], `公文${"一二三四"[n - 1]}级标题`, `<w:pPr><w:keepNext/><w:ind w:firstLine="${2 * CHAR}"/><w:outlineLvl w:val="${n - 1}"/></w:pPr>`, { basedOn: STYLE.normal });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>` +
    `<w:docDefaults><w:rPrDefault>${normalRpr}</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/>${NO_AUTOSPACE}${exact(LINE_PITCH)}<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    style(STYLE.normal, "Normal", `<w:pPr><w:widowControl w:val="0"/>${NO_AUTOSPACE}${exact(LINE_PITCH)}<w:jc w:val="both"/></w:pPr>${normalRpr}`, { isDefault: true }) +
    style(STYLE.body, "公文正文", `<w:pPr><w:ind w:firstLine="${2 * CHAR}"/></w:pPr>`, { basedOn: STYLE.normal }) +
    [1, 2, 3, 4].map(heading).join("") +
    style(STYLE.free, "公文版头", `<w:pPr><w:snapToGrid w:val="0"/></w:pPr>`, { basedOn: STYLE.normal }) +
    style(STYLE.title, "公文标题", `<w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr><w:rPr>${rFonts(FONT.xiaobiaosong)}<w:spacing w:val="0"/><w:sz w:val="${SIZE.二号}"/><w:szCs w:val="${SIZE.二号}"/></w:rPr>`, { basedOn: STYLE.normal }) +
    style(STYLE.record, "公文版记", `<w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:spacing w:val="0"/><w:sz w:val="${SIZE.四号}"/><w:szCs w:val="${SIZE.四号}"/></w:rPr>`, { basedOn: STYLE.normal }) +
    style(STYLE.footer, "公文页码", `<w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr>${rFonts(FONT.songti)}<w:spacing w:val="0"/><w:sz w:val="${SIZE.四号}"/><w:szCs w:val="${SIZE.四号}"/></w:rPr>`, { basedOn: STYLE.normal }) +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

/** What Word needs to substitute a missing government typeface with the nearest installed one. */
const FONT_TABLE: readonly { name: string; alt: string; panose: string; pitch: "fixed" | "variable"; family: "modern" | "roman" | "script" | "swiss" }[] = [
  { name: FONT.fangsong, alt: "仿宋", panose: "02010609030101010101", pitch: "fixed", family: "modern" },
  { name: "仿宋", alt: "FangSong", panose: "02010609060101010101", pitch: "fixed", family: "modern" },
  { name: FONT.kaiti, alt: "楷体", panose: "02010609030101010101", pitch: "fixed", family: "modern" },
  { name: "楷体", alt: "KaiTi", panose: "02010609060101010101", pitch: "fixed", family: "modern" },
  { name: FONT.heiti, alt: "SimHei", panose: "02010609060101010101", pitch: "fixed", family: "modern" },
  { name: FONT.xiaobiaosong, alt: "华文中宋", panose: "02010600010101010101", pitch: "variable", family: "roman" },
  { name: "华文中宋", alt: "STZhongsong", panose: "02010600040101010101", pitch: "variable", family: "roman" },
  { name: FONT.songti, alt: "SimSun", panose: "02010600030101010101", pitch: "variable", family: "roman" },
];

export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/><w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/></w:font>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${W}>${fonts}</w:fonts>`;
}
