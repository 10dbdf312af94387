import { createHash } from "node:crypto";
import { z } from "zod";
import { lazySchema } from "../../../common/rpc/lazy-schema";
import { DocMeta } from "../../../common/contracts/knowledge";

/**
 * A knowledge pack (.govpack): gzip'd JSON lines. Line 1 is the header,
 * then one line per document (its extracted pages, chunks and vectors),
 * and the last line is the manifest: the sha256 of every line before it.
 * Self-contained: a fresh data directory can search it without the
 * original files. Tampering with any part fails verification on import.
 */
export const PACK_FORMAT = "govpack";
export const PACK_VERSION = 1;

export const PackHeader = lazySchema(() => z.object({
  type: z.literal("header"),
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  packId: z.string().min(8).max(128),
  base: z.string().min(1).max(100),
  createdAt: z.string(),
  /** The embedding model that made the vectors (its id), or null: keyword search only. */
  embedModel: z.string().nullable(),
  embedDimension: z.number().int().positive().nullable(),
  documents: z.number().int().nonnegative(),
}));
export type PackHeader = z.infer<typeof PackHeader>;

const Page = lazySchema(() => z.object({ page: z.number().int().positive(), text: z.string(), needsOcr: z.boolean().optional(), label: z.string().optional() }));
const Chunk = lazySchema(() => z.object({
  text: z.string(),
  pages: z.array(z.number().int()),
  headingPath: z.array(z.string()),
  tokens: z.number().int().nonnegative(),
  /** Added with issue 16; absent in older packs. */
  pageStarts: z.array(z.object({ offset: z.number().int().nonnegative(), page: z.number().int() })).optional(),
  paragraphs: z.tuple([z.number().int(), z.number().int()]).optional(),
}));

export const PackDocument = lazySchema(() => z.object({
  type: z.literal("document"),
  path: z.string().max(4096),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mtime: z.number(),
  format: z.enum(["pdf", "ofd", "docx", "doc", "wps", "xlsx", "html", "txt", "md"]),
  title: z.string(),
  meta: DocMeta,
  warnings: z.array(z.string()),
  /** Added with issue 16 (absent: paged, extractor version 1). */
  paged: z.boolean().optional(),
  extractorVersion: z.number().int().positive().optional(),
  pages: z.array(Page),
  chunks: z.array(Chunk),
  /** base64 of little-endian float32, one per chunk; absent without an embedding model. */
  vectors: z.array(z.string()).optional(),
}));
export type PackDocument = z.infer<typeof PackDocument>;

export const PackManifest = lazySchema(() => z.object({
  type: z.literal("manifest"),
  /** sha256 of each preceding line (header first), in order. */
  parts: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
}));

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function encodeVector(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
}

export function decodeVector(b64: string): Float32Array {
  const buf = Buffer.from(b64, "base64");
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Float32Array(copy.buffer);
}
