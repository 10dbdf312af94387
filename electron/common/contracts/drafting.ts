import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";
import { call, job, type EventMap, type MethodMap } from "../rpc/define";
import { ExportResult } from "./assistant";
import { DOC_KINDS, DocKind, KindInfo } from "./doc-kinds";

/**
 * 公文写作 (issue 12): the 15 kinds, drafts, drafting with a model, the
 * 规范性检查 and the GB/T 9704-2012 DOCX export. Spread into the one
 * contract in ../contract.ts; the kinds' own schemas are in doc-kinds.ts.
 */

const Text = (max: number) => z.string().max(max);
const Line = (max: number) => z.string().trim().max(max);

export const AttachmentSpec = lazySchema(() => z.union([
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((title) => ({ title })),
  z.object({ title: Line(200).min(1, "附件名称不能为空"), body: Text(200_000).optional() }).strict(),
]));
export type AttachmentSpec = { title: string; body?: string | undefined };

/** 纪要: 出席、请假、列席 lists. */
export const Attendance = lazySchema(() => z
  .object({ present: Line(2000).optional(), absent: Line(2000).optional(), attending: Line(2000).optional() })
  .strict());

/**
 * What the user (the 写作 form, or SPEC.json on the CLI) gives. `body` is
 * plain text, one paragraph per line, with 一、（一）1.（1） headings as
 * written; `points` are the 要点 a model drafts from. Dates: "2025-03-15" or
 * "2025年3月15日".
 */
export const DraftSpec = lazySchema(() => z
  .object({
    kind: DocKind,
    issuer: Line(100).min(1, "请填写发文机关"),
    number: Line(60).optional(),
    signer: z.union([Line(100), z.array(Line(20)).max(6)]).optional(),
    /** 命令: 签发人职务 (市长, 省长…). */
    signerTitle: Line(40).optional(),
    title: Line(200).optional(),
    /** 事由, for a composed title: 发文机关 + 关于 + 事由 + 的 + 文种. */
    subject: Line(200).optional(),
    to: Line(1000).optional(),
    points: Text(5000).optional(),
    body: Text(200_000).optional(),
    attachments: z.array(AttachmentSpec).max(20).optional(),
    date: Line(40).optional(),
    note: Line(500).optional(),
    cc: Line(1000).optional(),
    printer: Line(100).optional(),
    printDate: Line(40).optional(),
    secret: Line(40).optional(),
    urgency: Line(10).optional(),
    copyNo: Line(10).optional(),
    /** 加盖印章 (default): 署名 centred over the date; false: 署名 right, date under it. */
    seal: z.boolean().optional(),
    attendance: Attendance.optional(),
  })
  .strict());
export type DraftSpecInput = z.input<typeof DraftSpec>;
export type DraftSpec = z.output<typeof DraftSpec>;

/** A knowledge-base passage a model-drafted text cites as 依据. */
export const DraftCitation = lazySchema(() => z.object({
  n: z.number().int(),
  documentId: z.number().int(),
  chunkId: z.number().int(),
  path: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  page: z.number().int(),
  snippet: z.string(),
}));
export type DraftCitation = z.infer<typeof DraftCitation>;

export const Draft = lazySchema(() => z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(DOC_KINDS),
  spec: DraftSpec,
  citations: z.array(DraftCitation),
  method: z.enum(["manual", "llm"]),
  model: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
}));
export type Draft = z.infer<typeof Draft>;

export const DraftListItem = lazySchema(() => Draft.unwrap().pick({ id: true, title: true, kind: true, method: true, updatedAt: true }));
export type DraftListItem = z.infer<typeof DraftListItem>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/**
 * One finding of the 规范性检查. `excerpt` is exactly text.slice(offset,
 * offset + excerpt.length); `suggestion`, when given, replaces it (one click,
 * or `govdesk check --fix`).
 */
export const Finding = lazySchema(() => z.object({
  rule: z.string(),
  severity: Severity,
  message: z.string(),
  excerpt: z.string(),
  offset: z.number().int().nonnegative(),
  suggestion: z.string().nullable(),
}));
export type Finding = z.infer<typeof Finding>;

export const CheckStats = lazySchema(() => z.object({
  chars: z.number().int(),
  lines: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  rules: z.number().int(),
  /** The kind checked against (given, or recognised from the title). */
  kind: z.enum(DOC_KINDS).nullable(),
}));
export type CheckStats = z.infer<typeof CheckStats>;

/** Which field of a DraftSpec a stretch of the checked text shows (so a fix can go back into the form). */
export const SPEC_FIELDS = [
  "copyNo",
  "secret",
  "urgency",
  "number",
  "signer",
  "title",
  "to",
  "body",
  "attachments",
  "attachmentBody",
  "issuer",
  "signerTitle",
  "date",
  "note",
  "cc",
  "printer",
  "printDate",
  "present",
  "absent",
  "attending",
] as const;
export const TextSegment = lazySchema(() => z.object({
  field: z.enum(SPEC_FIELDS),
  /** Which attachment or signer. */
  index: z.number().int().nonnegative().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}));
export type TextSegment = z.infer<typeof TextSegment>;

export const CheckResult = lazySchema(() => z.object({
  /** The text the offsets refer to. */
  text: z.string(),
  findings: z.array(Finding),
  stats: CheckStats,
  /** When a draft (spec) was checked: where each field is in `text`. */
  segments: z.array(TextSegment).optional(),
}));
export type CheckResult = z.infer<typeof CheckResult>;

export const CheckSource = lazySchema(() => z.union([
  z.object({ text: Text(2_000_000) }).strict(),
  z.object({ spec: DraftSpec }).strict(),
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ documentId: z.number().int().positive() }).strict(),
]));

export const DraftSection = lazySchema(() => z.object({
  heading: z.string(),
  paragraphs: z.array(z.string()),
  /** Numbers of the sources (DraftCitation.n) the section relies on. */
  sources: z.array(z.number().int()),
}));
export type DraftSection = z.infer<typeof DraftSection>;

export const DraftDelta = lazySchema(() => z.object({
  jobId: z.string(),
  stage: z.enum(["outline", "section", "polish"]),
  index: z.number().int(),
  text: z.string(),
}));
export type DraftDelta = z.infer<typeof DraftDelta>;

export const DraftSectionEvent = lazySchema(() => z.object({ jobId: z.string(), index: z.number().int(), section: DraftSection }));

export const WordingSuggestion = lazySchema(() => z.object({
  /** Index of the paragraph (line of the body). */
  paragraph: z.number().int().nonnegative(),
  original: z.string(),
  revised: z.string(),
  reason: z.string(),
}));
export type WordingSuggestion = z.infer<typeof WordingSuggestion>;

export const DraftExportResult = lazySchema(() => ExportResult.unwrap().extend({
  /** Pages as laid out on the 22 × 28 grid (an estimate until Word or WPS paginates). */
  pages: z.number().int(),
  findings: z.array(Finding),
}));
export type DraftExportResult = z.infer<typeof DraftExportResult>;

const Id = z.number().int().positive();
const ModelPath = z.string().min(1).max(4096);
const OutPath = z.string().min(1).max(4096);

export const draftingMethods = {
  "drafting.kinds": call("The 15 kinds of 公文 with their elements, formulas and formats", () => z.object({}).strict().default({}), () => z.array(KindInfo)),
  "drafting.drafts.list": call(
    "Saved drafts, most recently changed first; query searches titles and text",
    () => z.object({ query: z.string().max(200).optional() }).strict().default({}),
    () => z.array(DraftListItem),
  ),
  "drafting.drafts.get": call("One saved draft", () => z.object({ id: Id }).strict(), Draft),
  "drafting.drafts.save": call(
    "Create (no id) or update a draft's fields; its 依据 citations come only from drafting.generate and are kept",
    () => z.object({ id: Id.optional(), spec: DraftSpec }).strict(),
    Draft,
  ),
  "drafting.drafts.delete": call("Delete a draft", () => z.object({ id: Id }).strict(), () => z.object({ deleted: z.boolean() })),
  "drafting.check": call("规范性检查 of a draft, a text, a DOCX/TXT/PDF… file or a knowledge-base document", () => z.object({ source: CheckSource, kind: DocKind.optional() }).strict(), CheckResult, {
    paths: { "source.path": "read" },
  }),
  "drafting.fix": call(
    "Apply the check's suggestions to a DOCX (in its runs, formats kept) or TXT (same encoding) and write the result to outPath",
    () => z.object({ path: z.string().min(1).max(4096), outPath: OutPath, kind: DocKind.optional() }).strict(),
    () => z.object({ path: z.string(), applied: z.array(Finding), remaining: z.array(Finding) }),
    { paths: { path: "read", outPath: "write" } },
  ),
  "drafting.export": call(
    "Lay a draft out per GB/T 9704-2012 as DOCX (base64; also written to path when given)",
    () => z.union([z.object({ id: Id, path: OutPath.optional() }).strict(), z.object({ spec: DraftSpec, path: OutPath.optional() }).strict()]),
    DraftExportResult,
    { paths: { path: "write" } },
  ),
  "drafting.generate": job(
    "Draft the 正文 from 要点 (and knowledge-base sources) with the model, section by section, grammar-constrained; saves the draft",
    () => z
      .object({
        spec: DraftSpec,
        /** Update this draft instead of creating one. */
        id: Id.optional(),
        kb: z.string().min(1).max(100).optional(),
        modelPath: ModelPath.optional(),
        /** Most sections asked for (the kind's outline is cut to this). */
        maxSections: z.number().int().min(1).max(8).default(5),
      })
      .strict(),
    Draft,
    { paths: { modelPath: "model" } },
  ),
  "drafting.polish": job(
    "Wording suggestions from the model for the body's paragraphs (shown as a diff, never applied by the core)",
    () => z
      .object({
        kind: DocKind,
        body: Text(200_000).min(1, "正文为空，没有可以润色的内容"),
        modelPath: ModelPath.optional(),
        maxParagraphs: z.number().int().min(1).max(40).default(12),
      })
      .strict(),
    () => z.object({ suggestions: z.array(WordingSuggestion) }),
    { paths: { modelPath: "model" } },
  ),
} satisfies MethodMap;

export const draftingEvents = {
  "drafting.delta": DraftDelta,
  "drafting.section": DraftSectionEvent,
} satisfies EventMap;
