import { formatDate, parseDate } from "../../../../common/drafting/dates";
import { linesOf, matches, type Rule } from "../types";

/**
 * 成文日期 (GB/T 9704-2012 §7.3.5.1): Arabic numerals, year in full, month
 * and day without 虚位 ("2026年11月30日"). Documents before 2012 wrote it in
 * Chinese numerals (GB/T 9704-1999), so that is a warning, not an error.
 */
const CN_DATE = /[〇○零一二三四五六七八九OＯ0]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日/;

export const dateRule: Rule = {
  id: "date.form",
  title: "成文日期：阿拉伯数字，年份写全，月、日不编虚位",
  check(doc, report) {
    for (const line of linesOf(doc, "date")) {
      const raw = line.text.trim();
      const at = line.offset + line.text.indexOf(raw);
      const d = parseDate(raw);
      if (!d) continue;
      const right = formatDate(d);
      // Spaces inside a date come from PDF text layers, not from the document.
      if (raw.replace(/[\s\u3000]+/g, "") === right) continue;
      if (CN_DATE.test(raw)) {
        report({ severity: "warning", message: `成文日期应当用阿拉伯数字标注（GB/T 9704-2012），如“${right}”。`, offset: at, length: raw.length, suggestion: right });
      } else if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(raw)) {
        report({ severity: "error", message: `成文日期的月、日不编虚位（不加前导0），应为“${right}”。`, offset: at, length: raw.length, suggestion: right });
      } else {
        report({ severity: "error", message: `成文日期应写作“${right}”，不用“-”“/”“.”分隔。`, offset: at, length: raw.length, suggestion: right });
      }
    }
  },
};

/**
 * Chinese-numeral years use 〇 for zero (GB/T 15835-2011 《出版物上数字用法》): not the
 * Arabic 0, the letter O or the circle ○, and never a mix.
 */
const ZERO_YEAR = /[〇○零一二三四五六七八九OＯ0０]{4}(?=年)/;

export const zeroRule: Rule = {
  id: "date.zero",
  title: "汉字数字年份中的“〇”：不用阿拉伯数字0、字母O或符号○",
  check(doc, report) {
    for (const line of doc.lines) {
      if (line.role === "pageNumber") continue;
      for (const { m, offset } of matches(line, ZERO_YEAR)) {
        const y = m[0];
        if (!/[一二三四五六七八九]/.test(y)) continue;
        const wrong = [...y].filter((c) => /[○零OＯ0０]/.test(c));
        if (wrong.length === 0) continue;
        const fixed = y.replace(/[○零OＯ0０]/g, "〇");
        const arabic = /[0０OＯ]/.test(y);
        report({
          severity: arabic ? "error" : "warning",
          message: arabic ? `年份“${y}”中汉字数字与阿拉伯数字（或字母O）混用，汉字数字的零应写作“〇”。` : `年份“${y}”中的零应写作“〇”，不用“${wrong[0]}”。`,
          offset,
          length: y.length,
          suggestion: fixed,
        });
      }
    }
  },
};
