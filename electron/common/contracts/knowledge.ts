import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";
import { call, job, NoInput, type EventMap, type MethodMap } from "../rpc/define";

/**
 * Knowledge base calls: bases, documents, ingestion jobs, extraction and
 * hybrid search (issue: knowledge base). Spread into ../contract.ts.
 */

const Name = z.string().trim().min(1, "知识库名称不能为空").max(100, "知识库名称最多 100 个字");

export const KbBase = lazySchema(() => z.object({
  name: z.string(),
  createdAt: z.number(),
  documents: z.number().int(),
  chunks: z.number().int(),
  failed: z.number().int(),
  queued: z.number().int(),
  embedModel: z.string().nullable(),
  needsReembed: z.boolean(),
  watchPath: z.string().nullable(),
}));
export type KbBase = z.infer<typeof KbBase>;

export const DocStatus = z.enum(["queued", "indexing", "ready", "failed", "needs_ocr"]);
export type DocStatus = z.infer<typeof DocStatus>;

/** Per document: OCR pages that need it (auto, the default), every page (force), or none (off). */
export const OcrMode = z.enum(["auto", "force", "off"]);
export type OcrMode = z.infer<typeof OcrMode>;

export const PageSource = z.enum(["text", "ocr"]);

/** Where a metadata field was read (版头, 落款, 标题行, document properties …), how sure the reading is, and whether OCR read that text. */
export const MetaSourceSchema = lazySchema(() => z.object({
  from: z.enum(["header", "number-line", "order-heading", "title", "publication-note", "recipient-line", "signature", "properties", "first-heading"]),
  confidence: z.number().min(0).max(1),
  ocr: z.boolean().optional(),
}));

/** 公文 metadata: the fields, whether the document was judged a 公文, and where each field came from. */
export const DocMeta = lazySchema(() => z.object({
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  title: z.string().optional(),
  date: z.string().optional(),
  recipients: z.string().optional(),
  secrecy: z.string().optional(),
  urgency: z.string().optional(),
  /** 文种: 通知, 意见, 批复, 函, 命令 … */
  kind: z.string().optional(),
  encoding: z.string().optional(),
  isGongwen: z.boolean().optional(),
  sources: z.record(z.string(), MetaSourceSchema).optional(),
}));
export type DocMeta = z.infer<typeof DocMeta>;

export const KbDocument = lazySchema(() => z.object({
  id: z.number().int(),
  path: z.string(),
  title: z.string().nullable(),
  format: z.string().nullable(),
  status: DocStatus,
  error: z.string().nullable(),
  size: z.number().nullable(),
  pages: z.number().int().nullable(),
  /** False: the document has no fixed pages (its one "page" is the whole text). */
  paged: z.boolean().optional(),
  chunks: z.number().int().nullable(),
  meta: DocMeta,
  warnings: z.array(z.string()),
  indexedAt: z.number().nullable(),
  /** The document's OCR choice. */
  ocrMode: OcrMode,
  /** Set when some pages were read by OCR: how many, their mean confidence, and the pages OCR could not read. */
  ocr: z.object({ pages: z.number().int(), confidence: z.number(), unreadable: z.array(z.number().int()) }).nullable(),
}));
export type KbDocument = z.infer<typeof KbDocument>;

/** The formats the extractors read (one list for the contract, ingest and the search filters). */
export const DocFormat = z.enum(["pdf", "ofd", "docx", "doc", "wps", "xlsx", "html", "txt", "md", "image"]);
export type DocFormat = z.infer<typeof DocFormat>;

export const ExtractedDocumentSchema = lazySchema(() => z.object({
  format: DocFormat,
  title: z.string(),
  pages: z.array(
    z.object({
      page: z.number().int(),
      text: z.string(),
      needsOcr: z.boolean().optional(),
      source: PageSource.optional(),
      confidence: z.number().min(0).max(1).optional(),
      /** The number printed on the page, when it has one. */
      label: z.string().optional(),
    }),
  ),
  meta: DocMeta,
  warnings: z.array(z.string()),
  /** False when the text has no fixed pages (DOC, most DOCX, TXT): citations then name paragraphs. */
  paged: z.boolean(),
}));

/** Paragraph range [first, last] (1-based) of a passage in a document without fixed pages. */
export const ParagraphRange = lazySchema(() => z.tuple([z.number().int(), z.number().int()]));

export const SearchFiltersSchema = lazySchema(() => z
  .object({
    format: z.array(DocFormat).optional(),
    issuer: z.string().optional(),
    docNumber: z.string().optional(),
    dateFrom: z.string().optional(),
    dateTo: z.string().optional(),
  })
  .strict());
export type SearchFiltersInput = z.infer<typeof SearchFiltersSchema>;

export const KbHit = lazySchema(() => z.object({
  chunkId: z.number().int(),
  documentId: z.number().int(),
  path: z.string(),
  title: z.string(),
  /** The page of the best match (where the snippet is). */
  page: z.number().int(),
  pages: z.array(z.number().int()),
  /** False: the document has no fixed pages; `paragraphs` locates the hit. */
  paged: z.boolean().optional(),
  paragraphs: ParagraphRange.optional(),
  headingPath: z.array(z.string()),
  snippet: z.string(),
  text: z.string(),
  score: z.number(),
}));
export type KbHit = z.infer<typeof KbHit>;

export const IngestResultSchema = lazySchema(() => z.object({
  ok: z.number().int(),
  skipped: z.number().int(),
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
  total: z.number().int(),
  cancelled: z.boolean(),
}));
export type IngestResult = z.infer<typeof IngestResultSchema>;

/** Stages of a kb.add job, as its job.progress reports them (the file in hand as `item`; stage "ocr" with the page as `sub`). */
export const IngestStage = z.enum(["scan", "hash", "extract", "ocr", "embed", "write", "reembed", "done"]);
export type IngestStage = z.infer<typeof IngestStage>;

export const KbPreview = lazySchema(() => z.object({
  /** null: a file on disk that is in no knowledge base (a summary's source). */
  documentId: z.number().int().nullable(),
  path: z.string(),
  title: z.string(),
  /** pdf pages can be rendered from the file itself (kb.fileData); others show their text. */
  format: z.string().nullable(),
  page: z.number().int(),
  pageCount: z.number().int(),
  text: z.string(),
  needsOcr: z.boolean(),
  source: PageSource,
  /** OCR pages: the mean confidence, the page image's turn, and each line with its box (fractions of the upright page). */
  ocr: z
    .object({
      confidence: z.number(),
      rotation: z.number().int(),
      lines: z.array(z.object({ text: z.string(), confidence: z.number(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]) })),
    })
    .nullable(),
  /** The number printed on the page, when it has one. */
  label: z.string().optional(),
  paged: z.boolean().optional(),
}));
export type KbPreview = z.infer<typeof KbPreview>;

export const ReextractResultSchema = lazySchema(() => z.object({
  reextracted: z.number().int(),
  requeued: z.number().int(),
  missing: z.number().int(),
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
  total: z.number().int(),
  cancelled: z.boolean(),
}));
export type ReextractResultOut = z.infer<typeof ReextractResultSchema>;

export const knowledgeMethods = {
  "kb.list": call("List knowledge bases; whether vector search is on", NoInput, () => z.object({ bases: z.array(KbBase), vectorSearch: z.boolean() })),
  "kb.create": call("Create a knowledge base", () => z.object({ name: Name }).strict(), KbBase),
  "kb.rename": call("Rename a knowledge base", () => z.object({ name: Name, to: Name }).strict(), KbBase),
  "kb.delete": call("Delete a knowledge base and its index", () => z.object({ name: Name }).strict(), () => z.object({ deleted: z.boolean() })),
  "kb.add": job(
    "Add files and folders to a knowledge base (extract, OCR where needed, chunk, index)",
    () => z.object({ name: Name, paths: z.array(z.string().min(1)).min(1).max(10_000), ocr: OcrMode.optional() }).strict(),
    IngestResultSchema,
    { paths: { "paths[]": "read" } },
  ),
  "kb.setOcr": call("Set a document's OCR choice and index it again with it", () => z.object({ id: z.number().int(), mode: OcrMode }).strict(), () => z.object({ queued: z.boolean() })),
  "kb.watch": call(
    "Watch a folder for new, changed and deleted files (null: stop)",
    () => z.object({ name: Name, folder: z.string().min(1).nullable() }).strict(),
    KbBase,
    { paths: { folder: "read" } },
  ),
  "kb.documents": call("Documents of a knowledge base", () => z.object({ name: Name }).strict(), () => z.object({ documents: z.array(KbDocument) })),
  "kb.removeDocument": call("Remove a document from its knowledge base", () => z.object({ id: z.number().int() }).strict(), () => z.object({ removed: z.boolean() })),
  "kb.search": call(
    "Hybrid search of a knowledge base",
    () => z.object({ name: Name, query: z.string().max(2000), k: z.number().int().min(1).max(100).default(10), filters: SearchFiltersSchema.optional() }).strict(),
    () => z.object({ hits: z.array(KbHit), vectorSearch: z.boolean() }),
  ),
  "kb.preview": call("A document's text at one page", () => z.object({ documentId: z.number().int(), page: z.number().int().min(1).default(1) }).strict(), KbPreview),
  "kb.reextract": job("Re-extract documents indexed by an older extractor version (in place, resumable)", NoInput, ReextractResultSchema),
  "kb.previewFile": call(
    "A file's text at one page (a file summarised from disk)",
    () => z.object({ path: z.string().min(1).max(4096), page: z.number().int().min(1).default(1) }).strict(),
    KbPreview,
    { paths: { path: "read" } },
  ),
  "kb.fileData": call(
    "The bytes of a knowledge-base document or a chosen file, for the page preview to render (PDF)",
    () => z.union([z.object({ documentId: z.number().int() }).strict(), z.object({ path: z.string().min(1).max(4096) }).strict()]),
    () => z.object({ format: z.string().nullable(), size: z.number().int(), base64: z.string() }),
    { paths: { path: "read" } },
  ),
  "kb.extract": call(
    "Extract a file's text, pages and 公文 metadata (OCR as chosen)",
    () => z.object({ path: z.string().min(1), ocr: OcrMode.default("auto") }).strict(),
    ExtractedDocumentSchema,
    { paths: { path: "read" } },
  ),
} satisfies MethodMap;

export const knowledgeEvents = {} satisfies EventMap;
