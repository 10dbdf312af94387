import { z } from "zod";
import { call, job, NoInput, type EventMap, type MethodMap } from "../rpc/define";
import { ParagraphRange, SearchFiltersSchema } from "./knowledge";

/**
 * 对话与摘要: conversations, RAG answers, summaries, exports (issue: the assistant).
 * Spread into the one contract in ../contract.ts.
 */

const Id = z.number().int().positive();

export const SummaryLength = z.enum(["brief", "bullets", "detailed"]);
export type SummaryLength = z.infer<typeof SummaryLength>;

export const SummaryPoint = z.object({
  text: z.string(),
  pages: z.array(z.number().int()),
  /** Which document, when several are summarised together. */
  document: z.string().optional(),
});
export type SummaryPoint = z.infer<typeof SummaryPoint>;

/** A document to summarise: a file on disk, or a document of a knowledge base. */
export const SummarySource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ documentId: Id }).strict(),
]);
export type SummarySource = z.infer<typeof SummarySource>;

export const SummaryStats = z.object({
  chunks: z.number().int(),
  inputChars: z.number().int(),
  seconds: z.number(),
  pages: z.number().int(),
  /** Map prompts (groups of chunks sized to the model's context). */
  groups: z.number().int(),
  modelCalls: z.number().int(),
  reduceRounds: z.number().int(),
  /** Time inside model calls; seconds − modelSeconds is GovDesk's own overhead. */
  modelSeconds: z.number(),
});
export type SummaryStats = z.infer<typeof SummaryStats>;

export const SummaryDocumentRef = z.object({
  title: z.string(),
  path: z.string(),
  documentId: z.number().int().optional(),
  pages: z.number().int(),
});

export const Summary = z.object({
  id: z.number().int(),
  title: z.string(),
  method: z.enum(["llm", "extractive"]),
  length: SummaryLength,
  summary: z.string(),
  thought: z.string(),
  points: z.array(SummaryPoint),
  documents: z.array(SummaryDocumentRef),
  stats: SummaryStats,
  model: z.string().nullable(),
  /** Which prompt versions produced it ("summarize-map@1 …"); empty when extractive. */
  prompts: z.string(),
  warnings: z.array(z.string()),
  createdAt: z.number(),
});
export type Summary = z.infer<typeof Summary>;

export const SummaryListItem = Summary.pick({ id: true, title: true, method: true, length: true, createdAt: true, model: true });
export type SummaryListItem = z.infer<typeof SummaryListItem>;

export const Citation = z.object({
  n: z.number().int(),
  documentId: z.number().int(),
  chunkId: z.number().int(),
  path: z.string(),
  title: z.string(),
  /** The page the cited passage is on (where it starts). */
  page: z.number().int(),
  /** The pages the cited passage spans. */
  pages: z.array(z.number().int()),
  /** False: the document has no fixed pages; `paragraphs` locates the passage. */
  paged: z.boolean().optional(),
  paragraphs: ParagraphRange.optional(),
  /** Verbatim passage of the document on that page. */
  snippet: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const ChatMessage = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  thought: z.string(),
  citations: z.array(Citation),
  /** How an answer was made: by the model, "not-found" (nothing relevant, no model call), or "retrieval" (no model: passages). */
  method: z.enum(["llm", "not-found", "retrieval"]).nullable(),
  createdAt: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const Conversation = z.object({
  id: z.number().int(),
  title: z.string(),
  kb: z.string().nullable(),
  /** GGUF chosen for this conversation (null: the default model). */
  modelPath: z.string().nullable(),
  modelName: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messages: z.number().int(),
});
export type Conversation = z.infer<typeof Conversation>;

export const AskResult = z.object({
  conversationId: z.number().int(),
  question: ChatMessage,
  answer: ChatMessage,
});
export type AskResult = z.infer<typeof AskResult>;

/** A streamed piece of a running summary or answer (job id of the assistant job). */
export const AssistantDelta = z.object({
  jobId: z.string(),
  type: z.enum(["text", "thought"]),
  text: z.string(),
});
export type AssistantDelta = z.infer<typeof AssistantDelta>;

export const ExportFormat = z.enum(["markdown", "docx"]);
export const ExportResult = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64 (the renderer saves it as a download). */
  base64: z.string(),
  /** Where it was written, when a path was given. */
  path: z.string().nullable(),
});
export type ExportResult = z.infer<typeof ExportResult>;

const Question = z.string().trim().min(1, "问题不能为空").max(4000, "问题太长（最多 4000 字）");
const Title = z.string().trim().min(1, "标题不能为空").max(200);
const ModelPath = z.string().min(1).max(4096);

export const assistantMethods = {
  "assistant.summarize": job(
    "Summarise one or more documents (map-reduce with a model; extractive without one)",
    z
      .object({
        sources: z.array(SummarySource).min(1, "请至少选择一个文档").max(20, "一次最多摘要 20 个文档"),
        length: SummaryLength.default("bullets"),
        modelPath: ModelPath.optional(),
        /** Skip the model even when one is set. */
        extractive: z.boolean().default(false),
      })
      .strict(),
    Summary,
    { paths: { "sources[].path": "read", modelPath: "model" } },
  ),
  "assistant.summaries.list": call("Saved summaries, newest first", NoInput, z.array(SummaryListItem)),
  "assistant.summaries.get": call("One saved summary", z.object({ id: Id }).strict(), Summary),
  "assistant.summaries.delete": call("Delete a saved summary", z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),
  "assistant.ask": job(
    "Ask a knowledge base: retrieval, a prompt with numbered sources, a streamed answer with citations",
    z
      .object({
        question: Question,
        /** Continue this conversation (its knowledge base and model are used). */
        conversationId: Id.optional(),
        /** Knowledge base of a new conversation. */
        kb: z.string().min(1).max(100).optional(),
        modelPath: ModelPath.optional(),
        k: z.number().int().min(1).max(20).default(6),
        filters: SearchFiltersSchema.optional(),
        /** Replace the conversation's last answer instead of adding a question. */
        regenerate: z.boolean().default(false),
      })
      .strict(),
    AskResult,
    { paths: { modelPath: "model" } },
  ),
  "assistant.conversations.list": call(
    "Conversations, most recent first; query searches titles and messages",
    z.object({ query: z.string().max(200).optional() }).strict().default({}),
    z.array(Conversation),
  ),
  "assistant.conversations.create": call(
    "Start an empty conversation over a knowledge base",
    z.object({ kb: z.string().min(1).max(100).optional(), modelPath: ModelPath.optional(), title: Title.optional() }).strict(),
    Conversation,
    { paths: { modelPath: "model" } },
  ),
  "assistant.conversations.get": call(
    "A conversation with its messages",
    z.object({ id: Id }).strict(),
    z.object({ conversation: Conversation, messages: z.array(ChatMessage) }),
  ),
  "assistant.conversations.rename": call("Rename a conversation", z.object({ id: Id, title: Title }).strict(), Conversation),
  "assistant.conversations.delete": call("Delete a conversation and its messages", z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),
  "assistant.export": call(
    "Export a conversation or a summary to Markdown or DOCX (citations as a source list)",
    z
      .object({
        kind: z.enum(["conversation", "summary"]),
        id: Id,
        format: ExportFormat,
        /** Also write the file here (CLI). */
        path: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    ExportResult,
    { paths: { path: "write" } },
  ),
} satisfies MethodMap;

export const assistantEvents = {
  "assistant.delta": AssistantDelta,
} satisfies EventMap;
