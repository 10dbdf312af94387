import { resolve } from "node:path";
import type { Command } from "commander";
import type { Contract } from "../../common/contract";
import type { InputOf, OutputOf } from "../../common/rpc/define";
import { withCore } from "../context";
import { UsageError } from "../errors";
import { askJson, formatAsk, formatSummary, progressLine, summaryJson } from "./assistant/format";


/** Ctrl+C cancels the running job (the core stops generating) instead of killing mid-write. */
export function interruptible(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const onInt = (): void => controller.abort();
  process.once("SIGINT", onInt);
  return { signal: controller.signal, done: () => process.off("SIGINT", onInt) };
}

/**
 * Progress on stderr: one line rewritten in place on a terminal (cleared at
 * the end, so an error stays the only line), a line per stage otherwise.
 */
export function progressWriter(line: (done: number, total: number, stage: string) => string = progressLine): { write: (done: number, total: number, stage: string) => void; clear: () => void } {
  const tty = process.stderr.isTTY;
  let lastStage = "";
  return {
    write: (done, total, stage) => {
      if (tty) process.stderr.write(`\r\x1b[K${line(done, total, stage)}`);
      else if (stage !== lastStage) process.stderr.write(`${line(done, total, stage)}\n`);
      lastStage = stage;
    },
    clear: () => void (tty && process.stderr.write("\r\x1b[K")),
  };
}

const LENGTHS = ["brief", "bullets", "detailed"] as const;
type Length = (typeof LENGTHS)[number];

function parseLength(v: string): Length {
  if ((LENGTHS as readonly string[]).includes(v)) return v as Length;
  throw new UsageError(`--length 应为 brief（一句话）、bullets（要点）或 detailed（详细）：${v}`);
}

function positiveInt(name: string, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} 应为 1 到 ${max} 之间的整数：${v}`);
    return n;
  };
}

interface SummarizeOpts {
  model?: string;
  length: Length;
  json?: boolean;
  extractive?: boolean;
}

interface AskOpts {
  model?: string;
  json?: boolean;
  k: number;
  conversation?: number;
}

type Methods = Contract["methods"];

/**
 * Runs an assistant job (summarize, ask) with progress on stderr, Ctrl+C
 * cancelling it, and the answer's text streamed to stdout as it comes
 * (unless --json). `streamed` says whether any text was already printed.
 */
async function streamedJob<K extends "assistant.summarize" | "assistant.ask">(
  cmd: Command,
  json: boolean,
  method: K,
  input: InputOf<Methods[K]>,
): Promise<{ result: OutputOf<Methods[K]>; streamed: boolean }> {
  const stop = interruptible();
  const progress = progressWriter();
  let streamed = false;
  try {
    const result = await withCore(cmd, (client) => {
      const off = client.on("assistant.delta", (d) => {
        if (json || d.type !== "text") return;
        streamed = true;
        process.stdout.write(d.text);
      });
      return client.job(method, input, { signal: stop.signal, onProgress: (p) => progress.write(p.done, p.total, p.stage) }).finally(() => {
        off();
        progress.clear();
      });
    });
    return { result, streamed };
  } finally {
    stop.done();
  }
}

/** `govdesk summarize`, `govdesk ask`, `govdesk chats`, `govdesk summaries` (issue: the assistant). */
export function registerAssistantCommands(program: Command): void {
  program
    .command("summarize <files...>")
    .description("摘要一个或多个文档（有模型时分段摘要再合并，无模型时抽取关键句） / summarise documents")
    .option("--model <gguf>", "使用此模型文件（默认：已设置的对话模型） / GGUF model to use")
    .option("--length <length>", "篇幅：brief 一句话 | bullets 要点 | detailed 详细 / length", parseLength, "bullets")
    .option("--extractive", "不用模型，只抽取原文关键句 / extractive only, no model")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (files: string[], opts: SummarizeOpts, cmd: Command) => {
      const { result: summary, streamed } = await streamedJob(cmd, !!opts.json, "assistant.summarize", {
        sources: files.map((f) => ({ path: resolve(f) })),
        length: opts.length,
        extractive: !!opts.extractive,
        ...(opts.model ? { modelPath: resolve(opts.model) } : {}),
      });
      if (streamed) process.stdout.write("\n");
      process.stdout.write(opts.json ? `${JSON.stringify(summaryJson(summary), null, 2)}\n` : formatSummary(summary, streamed));
    });

  program
    .command("ask <kb> <question>")
    .description("向知识库提问，回答附来源 / ask a knowledge base, answer with citations")
    .option("--model <gguf>", "使用此模型文件（默认：已设置的对话模型） / GGUF model to use")
    .option("--k <n>", "检索的段落数 / passages to retrieve", positiveInt("--k", 20), 6)
    .option("--conversation <id>", "继续此对话 / continue this conversation", positiveInt("--conversation", Number.MAX_SAFE_INTEGER))
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (kb: string, question: string, opts: AskOpts, cmd: Command) => {
      if (!question.trim()) throw new UsageError("问题不能为空。");
      const { result: r, streamed } = await streamedJob(cmd, !!opts.json, "assistant.ask", {
        question,
        k: opts.k,
        ...(opts.conversation ? { conversationId: opts.conversation } : { kb }),
        ...(opts.model ? { modelPath: resolve(opts.model) } : {}),
      });
      process.stdout.write(opts.json ? `${JSON.stringify(askJson(r), null, 2)}\n` : formatAsk(r, streamed));
    });

  const chats = program.command("chats").description("对话记录：列表、导出、删除 / conversations");
  chats
    .command("list")
    .description("列出对话（可搜索） / list conversations")
    .option("--query <text>", "按标题或内容搜索 / search")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { query?: string; json?: boolean }, cmd: Command) => {
      const list = await withCore(cmd, (c) => c.call("assistant.conversations.list", opts.query ? { query: opts.query } : {}));
      const text = list.map((c) => `${c.id}\t${c.title}\t知识库：${c.kb ?? "—"}\t${c.messages} 条`).join("\n");
      process.stdout.write(opts.json ? `${JSON.stringify(list, null, 2)}\n` : `${text || "（没有对话）"}\n`);
    });
  chats
    .command("delete <id>")
    .description("删除对话 / delete a conversation")
    .action(async (id: string, _o: object, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("assistant.conversations.delete", { id: positiveInt("对话编号", Number.MAX_SAFE_INTEGER)(id) }));
      process.stdout.write(r.deleted ? "已删除\n" : "没有这个对话\n");
    });
  for (const kind of ["conversation", "summary"] as const) {
    const parent = kind === "conversation" ? chats : program.command("summaries").description("已保存的摘要 / saved summaries");
    parent
      .command("export <id> <out>")
      .description("导出为 Markdown（.md）或 Word（.docx），附来源 / export with sources")
      .action(async (id: string, out: string, _o: object, cmd: Command) => {
        const format = out.toLowerCase().endsWith(".docx") ? "docx" : out.toLowerCase().endsWith(".md") ? "markdown" : null;
        if (!format) throw new UsageError(`导出文件名应以 .md 或 .docx 结尾：${out}`);
        const r = await withCore(cmd, (c) => c.call("assistant.export", { kind, id: positiveInt("编号", Number.MAX_SAFE_INTEGER)(id), format, path: resolve(out) }));
        process.stdout.write(`已导出：${r.path}\n`);
      });
  }
}
