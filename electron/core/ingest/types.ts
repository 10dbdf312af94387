import type { z } from "zod";
import type { ChunkSchema, IngestDocumentSchema, OcrPageLayoutSchema } from "./extract/extract-contract";

/**
 * The shape every extractor returns (and `govdesk extract --json` prints),
 * shared by the knowledge base and the assistant (summarising a file from
 * disk). These are the schemas' types (extract/extract-contract.ts, over
 * ExtractedDocumentSchema in common/contracts/knowledge.ts): a new field goes
 * into the schema, and then crosses the extraction thread validated with
 * everything else.
 */
export type ExtractedDocument = z.infer<typeof IngestDocumentSchema>;

/**
 * One page: 1-based number (for formats without pages: 1, or a sheet/section
 * index), its text, `needsOcr` when it has no readable text, where the text
 * came from (`source`), and for OCR its confidence and lines with boxes.
 */
export type ExtractedPage = ExtractedDocument["pages"][number];

/** OCR lines of a page; boxes are fractions (0–1) of the upright page image, which is the page turned clockwise by `rotation`. */
export type OcrPageLayout = z.infer<typeof OcrPageLayoutSchema>;

/** The 公文 fields recognised in a document. */
export type MetaField = "issuer" | "docNumber" | "title" | "date" | "recipients" | "secrecy" | "urgency" | "kind";

/** Where a metadata field was read, how sure the reading is (0–1), and whether it was read from OCR text. */
export interface MetaSource {
  from: "header" | "number-line" | "order-heading" | "title" | "publication-note" | "recipient-line" | "signature" | "properties" | "first-heading";
  confidence: number;
  ocr?: boolean;
}

/** 公文 metadata, where recognised (the keys recogniseMeta fills; ExtractedDocument.meta holds these and more). */
export interface DocumentMeta {
  issuer?: string; // 发文机关
  docNumber?: string; // 发文字号, e.g. 国办发〔2024〕12号
  title?: string;
  date?: string; // 成文日期, ISO yyyy-mm-dd
  recipients?: string; // 主送机关
  secrecy?: string; // 密级
  urgency?: string; // 紧急程度
  kind?: string; // 文种: 通知, 意见, 批复, 函, 命令 …
  /** Text files: the encoding they were decoded from. */
  encoding?: string;
  /** Whether the document was judged a 公文 (on 版头, 发文字号, 落款, 主送 evidence). */
  isGongwen?: boolean;
  /** Where each field came from. */
  sources?: Partial<Record<MetaField, MetaSource>>;
}

/** A chunk of a document as indexed and as summarised (extract/extract-contract.ts ChunkSchema). */
export type Chunk = z.infer<typeof ChunkSchema>;
