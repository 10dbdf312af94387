import { linesOf, type Rule } from "../types";

/**
 * What a kind's template (kinds.json) asks of a document: 上行文 name the
 * 签发人 (GB/T 9704-2012 §7.2.5); a draft has the kind's required elements;
 * 请示 close with their formula (妥否，请批示。); a 报告 carries no 请示
 * matter (条例 art. 15).
 */
export const signerRule: Rule = {
  id: "kind.signer",
  title: "上行文标注签发人",
  check(doc, report) {
    const t = doc.template;
    if (!t?.requiresSigner) return;
    const hasSigner = doc.lines.some((l) => l.role === "signer" || /签发人/.test(l.text));
    if (hasSigner) return;
    // On a file, only when its 版头 was recognised (a 发文字号 line): otherwise the 版头 may simply not have been extracted.
    const anchor = linesOf(doc, "number")[0] ?? (doc.fromDraft ? linesOf(doc, "mark")[0] : undefined);
    if (!anchor) return;
    report({ severity: doc.fromDraft ? "error" : "warning", message: `${t.label}是上行文，应当标注签发人（“签发人：”加姓名，居右空一字）。`, offset: anchor.offset, length: anchor.text.length, suggestion: null });
  },
};

export const requiredRule: Rule = {
  id: "kind.required",
  title: "草稿包含该文种的必备要素",
  check(doc, report) {
    if (!doc.fromDraft || !doc.template || !doc.missing?.length) return;
    const at = linesOf(doc, "mark")[0] ?? doc.lines[0];
    if (!at) return;
    for (const e of doc.missing) {
      if (e === "签发人") continue; // kind.signer says it
      report({ severity: "warning", message: `${doc.template.label}通常应有“${e}”，草稿中还没有填写。`, offset: at.offset, length: 0, suggestion: null });
    }
  },
};

export const closingRule: Rule = {
  id: "kind.closing",
  title: "结尾用语与文种相符（请示“妥否，请批示。”等）；不夹带他文种事项（报告不写请示事项）",
  check(doc, report) {
    const t = doc.template;
    if (!t) return;
    const body = linesOf(doc, "body").filter((l) => l.text.trim());
    if (body.length === 0) return;
    if (t.closingPattern && !new RegExp(t.closingPattern).test(body.slice(-3).map((l) => l.text).join(""))) {
      const last = body[body.length - 1]!;
      report({ severity: "warning", message: `${t.label}一般以请求语结尾，如“${t.closings[0] ?? ""}”。`, offset: last.offset, length: last.text.length, suggestion: null });
    }
    for (const f of t.forbidden) {
      const re = new RegExp(f.pattern);
      for (const line of body) {
        const m = re.exec(line.text);
        if (m) report({ severity: "warning", message: f.message, offset: line.offset + m.index, length: m[0].length, suggestion: null });
      }
    }
  },
};
