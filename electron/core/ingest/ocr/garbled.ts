import iconv from "iconv-lite";

/** What a page's text layer looks like to a reader: fine, plainly garbled, or worth checking against OCR. */
export type TextLayerVerdict = "ok" | "garbled" | "suspect";

export interface TextLayerCheck {
  verdict: TextLayerVerdict;
  /** Chinese characters counted. */
  hanzi: number;
  /** Share of them outside GB 2312 (the 犐犆犛 family sits in GBK's 0xA0 row: ASCII shifted by a broken font). */
  outsideGb2312: number;
  /** Share in GB 2312's second level (rarer characters). */
  level2: number;
  /** Longest run of characters outside GB 2312. */
  rareRun: number;
  /** Share of private-use, replacement and control characters among all non-space characters. */
  junk: number;
}

const HANZI = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Private use, the replacement character, and C0 controls other than whitespace. */
function isJunk(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c < 0x09 || (c >= 0x0e && c < 0x20);
}

type Level = 1 | 2 | 0;

/** GB 2312 level of a Chinese character: 1 (the 3,755 common ones), 2, or 0 (outside GB 2312). */
export function gbLevel(ch: string): Level {
  const b = iconv.encode(ch, "gbk");
  if (b.length !== 2 || b[1]! < 0xa1) return 0;
  if (b[0]! >= 0xb0 && b[0]! <= 0xd7) return 1;
  if (b[0]! >= 0xd8 && b[0]! <= 0xf7) return 2;
  return 0;
}

/**
 * Judges a text layer by its characters. Real Chinese prose stays almost
 * entirely inside GB 2312's first level; a font whose ToUnicode map points at
 * the wrong code points produces runs of rare characters (犐犆犛…), private-use
 * code points or control characters. Clear cases are "garbled"; borderline
 * ones are "suspect" and settled by comparing with an OCR sample of the page.
 */
export function checkTextLayer(text: string): TextLayerCheck {
  let hanzi = 0;
  let outside = 0;
  let level2 = 0;
  let run = 0;
  let rareRun = 0;
  let junk = 0;
  let visible = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (isJunk(ch)) junk++;
    if (!HANZI.test(ch)) {
      // Punctuation and digits between rare characters do not end a run ("犌犕／犜").
      if (!/[\p{P}\p{N}\p{S}]/u.test(ch)) run = 0;
      continue;
    }
    hanzi++;
    const level = gbLevel(ch);
    if (level === 0) {
      outside++;
      run++;
      rareRun = Math.max(rareRun, run);
    } else {
      run = 0;
      if (level === 2) level2++;
    }
  }
  const check = {
    hanzi,
    outsideGb2312: hanzi ? outside / hanzi : 0,
    level2: hanzi ? level2 / hanzi : 0,
    rareRun,
    junk: visible ? junk / visible : 0,
  };
  return { verdict: verdictOf(check), ...check };
}

function verdictOf(c: Omit<TextLayerCheck, "verdict">): TextLayerVerdict {
  if (c.junk > 0.1) return "garbled";
  if (c.rareRun >= 4 || (c.hanzi >= 10 && c.outsideGb2312 > 0.2)) return "garbled";
  if (c.junk > 0.02 || c.rareRun >= 2 || (c.hanzi >= 10 && (c.outsideGb2312 > 0.05 || c.level2 > 0.15))) return "suspect";
  return "ok";
}
