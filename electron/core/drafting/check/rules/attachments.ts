import { linesOf, type Rule } from "../types";

/**
 * 附件说明 (GB/T 9704-2012 §7.3.4): "附件" and a full-width colon, then the
 * name(s); several are numbered "1．" "2．"; no punctuation after a name.
 */
export const attachmentNoteRule: Rule = {
  id: "attachment.form",
  title: "附件说明：全角冒号，多个附件用“1．”编号，名称后不加标点",
  check(doc, report) {
    const lines = linesOf(doc, "attachmentNote");
    if (lines.length === 0) return;
    const several = lines.length > 1;
    lines.forEach((line, i) => {
      const t = line.text.replace(/[\s\u3000]+$/, "");
      let at = t.match(/^[\s\u3000]*/)![0].length;
      if (i === 0) {
        const label = /^附件\s*([：:])?/.exec(t.slice(at));
        if (label) {
          if (label[1] !== "：") report({ severity: "error", message: "“附件”后应当标全角冒号“：”。", offset: line.offset + at, length: label[0].length, suggestion: "附件：" });
          at += label[0].length;
        }
      }
      const num = /^(\d{1,2})\s*([．.、，,]?)/.exec(t.slice(at));
      if (several && !num) report({ severity: "warning", message: "有多个附件时，应当用阿拉伯数字标注附件顺序号，如“1．”“2．”。", offset: line.offset + at, length: Math.min(4, t.length - at), suggestion: null });
      if (num && num[2] !== "．" && num[2] !== ".") report({ severity: "warning", message: `附件顺序号应写作“${num[1]}．”。`, offset: line.offset + at, length: num[0].length, suggestion: `${num[1]}．` });
      if (num && !several) report({ severity: "warning", message: "只有一个附件时不编顺序号。", offset: line.offset + at, length: num[0].length, suggestion: "" });
      const end = /[。．.，,；;、！!？?]+$/.exec(t);
      if (end && end.index > at) report({ severity: "error", message: "附件名称后不加标点符号。", offset: line.offset + end.index, length: end[0].length, suggestion: "" });
    });
  },
};
