import type { DocFormat } from "../../common/contracts/knowledge";
/**
 * The shape every extractor returns (and `govdesk extract --json` prints).
 * Shared by the knowledge base and the assistant (summarising a file from disk).
 */
export interface ExtractedPage {
  /** 1-based page number (for formats without pages: 1, or a sheet/section index). */
  page: number;
  text: string;
  /** True when the page has no readable text: no text layer (scanned) and OCR off, capped or unable to read it. */
  needsOcr?: boolean;
  /** Where the text came from: the file's own text ("text", the default) or OCR of the page image. */
  source?: "text" | "ocr";
  /** OCR only: mean character confidence, 0–1. */
  confidence?: number;
  /** OCR only: the lines with their boxes, so a citation can be highlighted on the page image. */
  ocr?: OcrPageLayout;
}

/** OCR lines of a page; boxes are fractions (0–1) of the upright page image, which is the page turned clockwise by `rotation`. */
export interface OcrPageLayout {
  rotation: 0 | 90 | 180 | 270;
  lines: { text: string; confidence: number; box: [x: number, y: number, w: number, h: number] }[];
}

/** 公文 metadata, where recognised. */
export interface DocumentMeta {
  issuer?: string; // 发文机关
  docNumber?: string; // 发文字号, e.g. 国办发〔2024〕12号
  title?: string;
  date?: string; // 成文日期, ISO yyyy-mm-dd
  recipients?: string; // 主送机关
  secrecy?: string; // 密级
  urgency?: string; // 紧急程度
  [key: string]: string | undefined;
}

export interface ExtractedDocument {
  format: DocFormat;
  title: string;
  pages: ExtractedPage[];
  meta: DocumentMeta;
  warnings: string[];
}

/** A chunk of a document as indexed and as summarised. */
export interface Chunk {
  text: string;
  /** Page numbers the chunk spans (1-based, ascending). */
  pages: number[];
  /** 公文 heading path, e.g. ["一、总体要求", "（一）适用范围"]. */
  headingPath: string[];
  /** Approximate token count used for budgeting. */
  tokens: number;
}
