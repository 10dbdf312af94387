import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";
import { call, job, NoInput, type EventMap, type MethodMap } from "../rpc/define";
import { ParagraphRange, SearchFiltersSchema } from "./knowledge";

/**
 * 对话与摘要: conversations, RAG answers, summaries, exports (issue: the assistant).
 * Spread into the one contract in ../contract.ts.
 */

const Id = z.number().int().positive();

export const SummaryLength = z.enum(["brief", "bullets", "detailed"]);
export type SummaryLength = z.infer<typeof SummaryLength>;

export const SummaryPoint = lazySchema(() => z.object({
  text: z.string(),
  pages: z.array(z.number().int()),
  /** Which document, when several are summarised together. */
  document: z.string().optional(),
}));
export type SummaryPoint = z.infer<typeof SummaryPoint>;

/** A document to summarise: a file on disk, or a document of a knowledge base. */
export const SummarySource = lazySchema(() => z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ documentId: Id }).strict(),
]));
export type SummarySource = z.infer<typeof SummarySource>;

export const SummaryStats = lazySchema(() => z.object({
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
}));
export type SummaryStats = z.infer<typeof SummaryStats>;

export const SummaryDocumentRef = lazySchema(() => z.object({
  title: z.string(),
  path: z.string(),
  documentId: z.number().int().optional(),
  pages: z.number().int(),
}));

export const Summary = lazySchema(() => z.object({
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
}));
export type Summary = z.infer<typeof Summary>;

export const SummaryListItem = lazySchema(() => Summary.unwrap().pick({ id: true, title: true, method: true, length: true, createdAt: true, model: true }));
export type SummaryListItem = z.infer<typeof SummaryListItem>;

export const Citation = lazySchema(() => z.object({
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
}));
export type Citation = z.infer<typeof Citation>;

export const ChatMessage = lazySchema(() => z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  thought: z.string(),
  citations: z.array(Citation),
  /** How an answer was made: by the model, "not-found" (nothing relevant, no model call), or "retrieval" (no model: passages). */
  method: z.enum(["llm", "not-found", "retrieval"]).nullable(),
  createdAt: z.number(),
  /** An answer: the question it answers. Regenerating adds another answer to the same question (a version). */
  replyTo: z.number().int().nullable(),
  /** The version of its question's answers that is shown and that later questions build on. */
  selected: z.boolean(),
  /** Generation speed of a model answer, characters per second; null when no model wrote it. */
  speed: z.number().nullable(),
}));
export type ChatMessage = z.infer<typeof ChatMessage>;

export const Conversation = lazySchema(() => z.object({
  id: z.number().int(),
  title: z.string(),
  kb: z.string().nullable(),
  /** GGUF chosen for this conversation (null: the default model). */
  modelPath: z.string().nullable(),
  modelName: z.string().nullable(),
  /** This conversation's own system prompt and temperature (null: the settings' defaults). */
  systemPrompt: z.string().nullable(),
  temperature: z.number().nullable(),
  pinned: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messages: z.number().int(),
}));
export type Conversation = z.infer<typeof Conversation>;

export const AskResult = lazySchema(() => z.object({
  conversationId: z.number().int(),
  question: ChatMessage,
  answer: ChatMessage,
}));
export type AskResult = z.infer<typeof AskResult>;

/** A streamed piece of a running summary or answer (job id of the assistant job). */
export const AssistantDelta = lazySchema(() => z.object({
  jobId: z.string(),
  type: z.enum(["text", "thought"]),
  text: z.string(),
}));
export type AssistantDelta = z.infer<typeof AssistantDelta>;

export const ExportFormat = z.enum(["markdown", "docx"]);
export const ExportResult = lazySchema(() => z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64 (the renderer saves it as a download). */
  base64: z.string(),
  /** Where it was written, when a path was given. */
  path: z.string().nullable(),
}));
export type ExportResult = z.infer<typeof ExportResult>;

/** Longest question (characters); the chat input counts against it. */
export const MAX_QUESTION_CHARS = 4000;
const Question = z.string().trim().min(1, "问题不能为空").max(MAX_QUESTION_CHARS, `问题太长（最多 ${MAX_QUESTION_CHARS} 字），请缩短后再发送`);
const Title = z.string().trim().min(1, "标题不能为空").max(200, "标题最多 200 字");
const SystemPrompt = z.string().trim().max(4000, "系统提示词最多 4000 字");
const Temperature = z.number().min(0, "温度应在 0 到 2 之间").max(2, "温度应在 0 到 2 之间");

/** One file named for a summary, as checked before the summary starts. */
export const SourceCheck = lazySchema(() => z.object({
  path: z.string(),
  /** The file name, for the tag shown. */
  label: z.string(),
  /** Why it cannot be summarised (plain Chinese), or null when it can. */
  error: z.string().nullable(),
}));
export type SourceCheck = z.infer<typeof SourceCheck>;

export const GuideStep = z.enum(["model", "knowledge", "ask"]);
export type GuideStep = z.infer<typeof GuideStep>;

/** The first-run guide: which steps are done, and what the admin's policy presets. */
export const GuideStatus = lazySchema(() => z.object({
  steps: z.array(z.object({ id: GuideStep, done: z.boolean() })),
  /** Every step done: the guide and its checklist are gone for good. */
  done: z.boolean(),
  /** The welcome was closed once; until done, only the checklist shows. */
  seen: z.boolean(),
  /** guide: welcome then checklist; checklist: no welcome; none: nothing (the policy's choice). */
  show: z.enum(["guide", "checklist", "none"]),
  /** A line from IT (who to call, where models come from). */
  message: z.string().nullable(),
  /** The intranet model server the policy names for step 1, when it names one. */
  remote: z.object({ url: z.string(), model: z.string() }).nullable(),
  /** GGUF files in the policy's shared model folder, offered for one-click import. */
  sharedModels: z.array(z.object({ path: z.string(), fileName: z.string(), sizeBytes: z.number() })),
}));
export type GuideStatus = z.infer<typeof GuideStatus>;
const ModelPath = z.string().min(1).max(4096);

export const assistantMethods = {
  "assistant.summarize": job(
    "Summarise one or more documents (map-reduce with a model; extractive without one)",
    () => z
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
  "assistant.summaries.list": call("Saved summaries, newest first", NoInput, () => z.array(SummaryListItem)),
  "assistant.summaries.get": call("One saved summary", () => z.object({ id: Id }).strict(), Summary),
  "assistant.summaries.delete": call("Delete a saved summary", () => z.object({ id: Id }).strict(), () => z.object({ deleted: z.boolean() })),
  "assistant.ask": job(
    "Ask a knowledge base: retrieval, a prompt with numbered sources, a streamed answer with citations",
    () => z
      .object({
        question: Question,
        /** Continue this conversation (its knowledge base and model are used). */
        conversationId: Id.optional(),
        /** Knowledge base of a new conversation. */
        kb: z.string().min(1).max(100).optional(),
        modelPath: ModelPath.optional(),
        k: z.number().int().min(1).max(20).default(6),
        filters: SearchFiltersSchema.optional(),
        /** Answer the conversation's last question again; the earlier answer is kept as a version. */
        regenerate: z.boolean().default(false),
        /** Edit and resend: this question of the conversation and everything after it are replaced (once the new answer is complete). */
        editOf: Id.optional(),
        /** System prompt and temperature of a new conversation. */
        systemPrompt: SystemPrompt.optional(),
        temperature: Temperature.optional(),
      })
      .strict(),
    AskResult,
    { paths: { modelPath: "model" } },
  ),
  "assistant.conversations.list": call(
    "Conversations, most recent first; query searches titles and messages",
    () => z.object({ query: z.string().max(200).optional() }).strict().default({}),
    () => z.array(Conversation),
  ),
  "assistant.conversations.create": call(
    "Start an empty conversation over a knowledge base",
    () => z
      .object({
        kb: z.string().min(1).max(100).optional(),
        modelPath: ModelPath.optional(),
        title: Title.optional(),
        systemPrompt: SystemPrompt.optional(),
        temperature: Temperature.optional(),
      })
      .strict(),
    Conversation,
    { paths: { modelPath: "model" } },
  ),
  "assistant.conversations.get": call(
    "A conversation with its messages",
    () => z.object({ id: Id }).strict(),
    () => z.object({ conversation: Conversation, messages: z.array(ChatMessage) }),
  ),
  "assistant.conversations.rename": call("Rename a conversation", () => z.object({ id: Id, title: Title }).strict(), Conversation),
  "assistant.conversations.delete": call("Delete a conversation and its messages", () => z.object({ id: Id }).strict(), () => z.object({ deleted: z.boolean() })),
  "assistant.conversations.update": call(
    "Change a conversation's system prompt, temperature (null: the defaults) or pin",
    () => z
      .object({
        id: Id,
        systemPrompt: SystemPrompt.nullable().optional(),
        temperature: Temperature.nullable().optional(),
        pinned: z.boolean().optional(),
      })
      .strict(),
    Conversation,
  ),
  "assistant.conversations.deleteMany": call(
    "Delete several conversations at once",
    () => z.object({ ids: z.array(Id).min(1, "请先选择要删除的对话").max(1000) }).strict(),
    () => z.object({ deleted: z.number().int() }),
  ),
  "assistant.messages.delete": call(
    "Delete one message (a question takes its answers with it)",
    () => z.object({ id: Id }).strict(),
    () => z.object({ deleted: z.number().int() }),
  ),
  "assistant.messages.select": call("Show this version of an answer (later questions build on it)", () => z.object({ id: Id }).strict(), ChatMessage),
  "assistant.sources.check": call(
    "Check files named for a summary before it starts: they exist, are files, and are a format GovDesk reads",
    () => z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(20) }).strict(),
    () => z.object({ sources: z.array(SourceCheck) }),
    { paths: { "paths[]": "read" } },
  ),
  "assistant.guide": call("The first-run guide: steps done, and what the admin policy presets", NoInput, GuideStatus),
  "assistant.export": call(
    "Export a conversation or a summary to Markdown or DOCX (citations as a source list)",
    () => z
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
