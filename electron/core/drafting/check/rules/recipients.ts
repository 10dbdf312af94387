import { linesOf, type Rule } from "../types";

/**
 * 主送机关 (GB/T 9704-2012 §7.3.2): ends with a full-width colon. 请示 (条例
 * art. 15): one matter, a single 主送 (the kind's `singleRecipient`).
 */
export const recipientsColonRule: Rule = {
  id: "recipients.colon",
  title: "主送机关最后一个机关名称后标全角冒号",
  check(doc, report) {
    for (const line of linesOf(doc, "to")) {
      const t = line.text.replace(/[\s\u3000]+$/, "");
      const last = t.slice(-1);
      if (last === "：") continue;
      if (last === ":") report({ severity: "error", message: "主送机关后应当用全角冒号“：”。", offset: line.offset + t.length - 1, length: 1, suggestion: "：" });
      else if (t) report({ severity: "error", message: "主送机关最后应当标全角冒号“：”。", offset: line.offset + t.length - 1, length: 1, suggestion: `${last}：` });
    }
  },
};

export const singleRecipientRule: Rule = {
  id: "recipients.single",
  title: "请示原则上主送一个上级机关",
  check(doc, report) {
    if (!doc.template?.singleRecipient) return;
    for (const line of linesOf(doc, "to")) {
      const names = line.text.replace(/[：:\s\u3000]+$/, "").split(/[、，,；;]/).filter((s) => s.trim());
      if (names.length > 1) {
        report({ severity: "error", message: `${doc.template.label}应当一文一事，原则上主送一个上级机关（本文主送${names.length}个）；其他机关可以抄送。`, offset: line.offset, length: line.text.replace(/[\s\u3000]+$/, "").length, suggestion: null });
      }
    }
  },
};
