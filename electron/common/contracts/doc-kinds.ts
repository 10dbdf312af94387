import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";

/**
 * The 15 kinds of 公文 as data (issue 12): their names, elements, formats
 * and what `drafting.kinds` answers for each. The drafting methods are in
 * drafting.ts.
 */

/** 《党政机关公文处理工作条例》(2012) art. 8, in its order. 命令 stands for 命令（令）. */
export const DOC_KINDS = ["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要"] as const;
export const DocKind = lazySchema(() => z.preprocess((v) => (v === "命令（令）" || v === "命令(令)" || v === "令" ? "命令" : v), z.enum(DOC_KINDS, { message: `文种应为以下之一：${DOC_KINDS.join("、")}` })));
export type DocKind = (typeof DOC_KINDS)[number];

/** 公文 elements, art. 9 (密级和保密期限 and 印发机关和印发日期 are one element each). */
export const DOC_ELEMENTS = [
  "份号",
  "密级和保密期限",
  "紧急程度",
  "发文机关标志",
  "发文字号",
  "签发人",
  "标题",
  "主送机关",
  "正文",
  "附件说明",
  "发文机关署名",
  "成文日期",
  "印章",
  "附注",
  "附件",
  "抄送机关",
  "印发机关和印发日期",
  "页码",
] as const;
export const DocElement = z.enum(DOC_ELEMENTS);
export type DocElement = (typeof DOC_ELEMENTS)[number];

export const ElementUse = z.enum(["required", "optional", "none"]);
export type ElementUse = z.infer<typeof ElementUse>;

/** GB/T 9704-2012 layouts: the ordinary 文件格式 and the special formats of §10. */
export const DocFormat = z.enum(["文件", "信函", "命令", "纪要"]);
export type DocFormat = z.infer<typeof DocFormat>;

export const Direction = z.enum(["上行文", "下行文", "平行文", "不限"]);

/** One kind as its template (data) describes it; `govdesk draft --list-kinds --json` prints these. */
export const KindInfo = lazySchema(() => z.object({
  kind: z.enum(DOC_KINDS),
  label: z.string(),
  /** Art. 8: what the kind is for. */
  purpose: z.string(),
  direction: Direction,
  format: DocFormat,
  elements: z.array(z.object({ element: DocElement, use: ElementUse })),
  /** 上行文: 签发人 required. */
  requiresSigner: z.boolean(),
  /** 请示: one matter, a single 主送. */
  singleRecipient: z.boolean(),
  /** The mark above the red line: "{issuer}文件", "{issuer}", "{issuer}令", "{issuer}纪要"… */
  mark: z.string(),
  openings: z.array(z.string()),
  closings: z.array(z.string()),
  /** What the last paragraphs must say when the kind closes with a request (请示: 请批示…); a regular expression. */
  closingPattern: z.string().nullable(),
  /** Phrases the kind must not carry (报告: 请示 matter), regular expressions with the reason. */
  forbidden: z.array(z.object({ pattern: z.string(), message: z.string() })),
  /** Sections a model is asked to write, in order (a starting point, the user edits). */
  outline: z.array(z.string()),
  notes: z.array(z.string()),
}));
export type KindInfo = z.infer<typeof KindInfo>;
