import { z } from "zod";
import { lazySchema } from "../../../common/rpc/lazy-schema";
import { ExtractedDocumentSchema, OcrMode } from "../../../common/contracts/knowledge";
import { RedactionKind, RedactResult } from "../../../common/contracts/security";
import { call, defineContract, job } from "../../../common/rpc/define";
import { jobEvents, jobMethods } from "../../../common/rpc/job-contract";

/**
 * The core ↔ extraction thread contract (pool.ts ↔ worker.ts): the same
 * router, client and jobs as every other boundary, so a file's error keeps
 * its code, a bad message gets BAD_MESSAGE, and OCR's pages are reported as
 * events of the job that reads them.
 */
export const ExtractLimitsSchema = lazySchema(() => z
  .object({
    maxFileBytes: z.number().positive(),
    maxUnzippedBytes: z.number().positive(),
    timeoutMs: z.number().positive(),
    maxPages: z.number().int().positive(),
  })
  .strict());

/** What OCR may do for one document (ocr/candidates.ts OcrSettings): the user's choice and IT's policy. */
export const OcrSettingsSchema = lazySchema(() => z
  .object({
    mode: OcrMode,
    disabled: z.boolean().optional(),
    maxPages: z.number().int().positive().optional(),
    cacheDir: z.string().nullable().optional(),
    threads: z.number().int().positive().optional(),
  })
  .strict());

/** OCR lines of a page; boxes are fractions (0–1) of the upright page image, which is the page turned clockwise by `rotation`. */
export const OcrPageLayoutSchema = lazySchema(() => z.object({
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  lines: z.array(z.object({ text: z.string(), confidence: z.number(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]) })),
}));

/**
 * A document as ingestion holds it: the contract's ExtractedDocument plus, on
 * OCR'd pages, the lines and boxes (kept in the index for highlighting; not
 * part of kb.extract's answer).
 */
export const IngestDocumentSchema = lazySchema(() => ExtractedDocumentSchema.unwrap().extend({
  pages: z.array(ExtractedDocumentSchema.unwrap().shape.pages.element.extend({ ocr: OcrPageLayoutSchema.optional() })),
}));

/** A chunk of a document as indexed and as summarised. */
export const ChunkSchema = lazySchema(() => z.object({
  text: z.string(),
  /** Page numbers the chunk spans (1-based, ascending). */
  pages: z.array(z.number().int()),
  /** Where each page's part of the chunk begins: character offset into `text` and the page (ascending offsets; the first is 0). */
  pageStarts: z.array(z.object({ offset: z.number().int(), page: z.number().int() })),
  /** 1-based paragraph (line) numbers in the document, first and last: how flowing text is cited. */
  paragraphs: z.tuple([z.number().int(), z.number().int()]),
  /** 公文 heading path, e.g. ["一、总体要求", "（一）适用范围"]. */
  headingPath: z.array(z.string()),
  /** Approximate token count used for budgeting. */
  tokens: z.number(),
}));

/** A file made ready for the index: extracted, chunked, and each chunk's FTS text segmented (prepare.ts). */
export const PreparedSchema = lazySchema(() => z.object({
  doc: IngestDocumentSchema,
  chunks: z.array(ChunkSchema),
  bodies: z.array(z.string()),
}));

/** The one file a thread reads, with the limits and OCR settings it reads it under. */
const ExtractFileInput = lazySchema(() =>
  z.object({ path: z.string().min(1), limits: ExtractLimitsSchema.unwrap().partial().optional(), ocr: OcrSettingsSchema.optional() }).strict(),
);

export const extractContract = defineContract(
  {
    "extract.prepare": job(
      "Extract, chunk and segment one file, OCR'ing its pages as the settings say",
      ExtractFileInput,
      PreparedSchema,
    ),
    "extract.read": job(
      "Extract one file (no chunking), OCR'ing its pages as the settings say",
      ExtractFileInput,
      IngestDocumentSchema,
    ),
    "extract.redact": call(
      "Find and mask the personal data in a text (redact.preview's work, off the core's thread)",
      () => z.object({ text: z.string(), kinds: z.array(RedactionKind).min(1).optional() }).strict(),
      RedactResult,
    ),
    ...jobMethods,
  },
  {
    ...jobEvents,
    /** OCR read a page (or took it from the cache): the 3 of "正在识别第 3/9 页". */
    "extract.page": lazySchema(() => z.object({ jobId: z.string(), page: z.number().int(), done: z.number().int(), total: z.number().int() })),
  },
);
export type ExtractContract = typeof extractContract;
