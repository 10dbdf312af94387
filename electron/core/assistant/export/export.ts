import type { ExportResult } from "../../../common/contracts/assistant";
import { writeFileSafely } from "../../security/paths/write-target";
import { assertExportAllowed, audit } from "../../security/services";
import type { CoreServices } from "../../services";
import type { ConversationsRepo } from "../store/conversations-repo";
import { getSummary } from "../store/summaries-repo";
import { conversationBlocks, summaryBlocks, toMarkdown, type Block } from "./markdown";

export interface ExportInput {
  kind: "conversation" | "summary";
  id: number;
  format: "markdown" | "docx";
  path?: string | undefined;
}

const MIME = { markdown: "text/markdown; charset=utf-8", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };

/** A conversation or a summary as Markdown or DOCX, with its sources listed; written to `path` when given. */
export async function exportItem(s: CoreServices, repo: ConversationsRepo, input: ExportInput): Promise<ExportResult> {
  assertExportAllowed(s);
  let blocks: Block[];
  let name: string;
  if (input.kind === "conversation") {
    const conv = repo.get(input.id);
    blocks = conversationBlocks(conv, repo.thread(conv.id));
    name = conv.title;
  } else {
    const summary = getSummary(s.store.db, input.id);
    blocks = summaryBlocks(summary);
    name = `摘要-${summary.title}`;
  }
  const bytes = input.format === "markdown" ? Buffer.from(toMarkdown(blocks), "utf8") : await (await import("./docx")).toDocx(blocks); // the docx library loads only for a .docx export
  const fileName = `${safeName(name)}.${input.format === "markdown" ? "md" : "docx"}`;
  if (input.path) await writeFileSafely(input.path, bytes);
  audit(s, { type: "export", object: input.path ?? fileName, detail: { kind: input.kind, id: input.id, format: input.format } });
  return { fileName, mimeType: MIME[input.format], base64: bytes.toString("base64"), path: input.path ?? null };
}

/** A file name without path separators or characters Windows refuses. */
export function safeName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? "_" : c))
    .join("")
    .trim()
    .slice(0, 60);
  return cleaned || "导出";
}
