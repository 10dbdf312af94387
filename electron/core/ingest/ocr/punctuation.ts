/**
 * OCR line text in the conventions of the Chinese documents it reads. The
 * recogniser often returns half-width punctuation between Chinese characters
 * ("通知如下:", "(惠府2015)") and reads the 六角括号 of a 发文字号 as round
 * brackets; the text layers of the same documents (and GB/T 9704) use
 * full-width forms and 〔年份〕. Latin and numeric text keeps its own forms.
 */
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const FULL: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** , : ; ? ! beside a Chinese character become full-width; "." only between Chinese characters or after one at the end. */
function marks(chars: string[]): void {
  chars.forEach((c, i) => {
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (FULL[c] && (isHan(before) || (isHan(after) && !/[\d\w]/.test(before ?? "")))) chars[i] = FULL[c]!;
    else if (c === "." && isHan(before) && (after === undefined || isHan(after))) chars[i] = "。";
  });
}

/** A ( … ) pair holding or touching Chinese becomes （ … ）; so does a lone one beside Chinese (a bracket the line break split). */
function brackets(chars: string[]): void {
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === "(" || c === "（") open.push(i);
    else if ((c === ")" || c === "）") && !open.length) {
      if (isHan(chars[i - 1])) chars[i] = "）";
    } else if (c === ")" || c === "）") {
      const o = open.pop()!;
      const inner = chars.slice(o + 1, i);
      if (inner.some(isHan) || isHan(chars[o - 1]) || isHan(chars[i + 1])) {
        chars[o] = "（";
        chars[i] = "）";
      }
    }
  });
  for (const o of open) if (isHan(chars[o + 1])) chars[o] = "（";
}

/** 机关代字 + (年份) + 序号 + 号: the year of a 发文字号 is in 六角括号 (GB/T 9704-2012 7.2.4). */
const DOC_NUMBER_YEAR = /(\p{Script=Han})[（(【[［〔]((?:19|20)\d{2})[）)】\]］〕](\d{1,5}号)/gu;

export function chinesePunctuation(line: string): string {
  const chars = [...line];
  brackets(chars);
  marks(chars);
  return chars.join("").replace(DOC_NUMBER_YEAR, "$1〔$2〕$3");
}
