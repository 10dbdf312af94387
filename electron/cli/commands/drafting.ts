import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { DraftSpec } from "../../common/contracts/drafting";
import type { DocKind } from "../../common/contracts/doc-kinds";
import { withCore } from "../context";
import { UsageError } from "../errors";
import { interruptible, progressWriter } from "./assistant";
import { draftProgressLine, formatCheck, formatFindings, formatKinds } from "./drafting/format";

interface DraftOpts {
  spec?: string;
  out?: string;
  model?: string;
  kb?: string;
  json?: boolean;
  listKinds?: boolean;
}

/*
 * The drafting schemas (zod) and the contract load when a command runs, not
 * when the command line starts: every command, `serve` included, would pay
 * for them before doing anything (issue 15: start-up).
 */

async function docKind(v: string): Promise<DocKind> {
  const { DOC_KINDS } = await import("../../common/contracts/doc-kinds");
  const k = v === "命令（令）" || v === "令" ? "命令" : v;
  if (!(DOC_KINDS as readonly string[]).includes(k)) throw new UsageError(`--kind 应为以下文种之一：${DOC_KINDS.join("、")}`);
  return k as DocKind;
}

async function readSpec(file: string): Promise<DraftSpec> {
  const [{ DraftSpec }, { issuesText }] = await Promise.all([import("../../common/contracts/drafting"), import("../../common/rpc/issues")]);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(resolve(file), "utf8"));
  } catch (e) {
    throw new UsageError(`无法读取 SPEC 文件“${file}”：${e instanceof SyntaxError ? "不是有效的 JSON" : (e as Error).message}`);
  }
  const spec = DraftSpec.safeParse(raw);
  if (!spec.success) throw new UsageError(`SPEC 文件“${file}”的内容不正确：${issuesText(spec.error)}`);
  return spec.data;
}

/** `govdesk draft` and `govdesk check` (issue 12: 公文写作). */
export function registerDraftingCommands(program: Command): void {
  program
    .command("draft")
    .description("按 GB/T 9704-2012 起草并导出公文（Word）；有 points 无 body 时由模型起草正文 / draft an official document as DOCX")
    .option("--spec <file>", "草稿字段（JSON）：{kind, issuer, number?, signer?, title?, subject?, to?, points?, body?, attachments?, date?, note?, cc?, printer?, printDate?, secret?, urgency?, copyNo?}")
    .option("--out <file>", "导出的 .docx 文件 / output DOCX")
    .option("--model <gguf>", "起草正文所用的模型文件（默认：已设置的对话模型） / GGUF model")
    .option("--kb <name>", "从此知识库检索依据 / knowledge base for 依据")
    .option("--list-kinds", "列出 15 个文种及其要素 / list the kinds")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: DraftOpts, cmd: Command) => {
      if (opts.listKinds) {
        const kinds = await withCore(cmd, (c) => c.call("drafting.kinds", {}));
        process.stdout.write(opts.json ? `${JSON.stringify({ kinds }, null, 2)}\n` : formatKinds(kinds));
        return;
      }
      if (!opts.spec) throw new UsageError("请用 --spec 指定草稿字段文件（JSON），或用 --list-kinds 列出文种。");
      if (!opts.out) throw new UsageError("请用 --out 指定导出的 .docx 文件。");
      if (!/\.docx$/i.test(opts.out)) throw new UsageError(`导出文件名应以 .docx 结尾：${opts.out}`);
      const spec = await readSpec(opts.spec);
      const out = resolve(opts.out);
      const useModel = !spec.body?.trim() && !!spec.points?.trim();
      if (!useModel && !spec.body?.trim()) throw new UsageError("SPEC 中没有正文：请填写 body（每行一段），或填写 points 由模型起草。");
      const [{ contract }, { runJob }] = await Promise.all([import("../../common/contract"), import("../../common/rpc/run-job")]);
      const stop = interruptible();
      const progress = progressWriter(draftProgressLine);
      try {
        const r = await withCore(cmd, async (c) => {
          let input: { spec: DraftSpec } | { id: number } = { spec };
          if (useModel) {
            const draft = await runJob(
              contract,
              c,
              "drafting.generate",
              { spec, ...(opts.model ? { modelPath: resolve(opts.model) } : {}), ...(opts.kb ? { kb: opts.kb } : {}) },
              { signal: stop.signal, onProgress: (p) => progress.write(p.done, p.total, p.stage) },
            ).finally(() => progress.clear());
            input = { id: draft.id };
          }
          return c.call("drafting.export", { ...input, path: out });
        });
        const result = { path: r.path ?? out, kind: spec.kind, pages: r.pages, findings: r.findings };
        if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(`已导出：${result.path}（${r.pages} 页）\n${r.findings.length ? `规范性检查：\n${formatFindings(r.findings)}` : "规范性检查未发现问题。\n"}`);
      } finally {
        stop.done();
      }
    });

  program
    .command("check <file>")
    .description("公文规范性检查（发文字号、日期、标题、层次序数、标点、用词、数字…）；--fix 写出修正后的文件 / check an official document")
    .option("--json", "以 JSON 输出 / print JSON")
    .option("--fix <out>", "把可自动修正的问题改好，写到此文件（DOCX 或 TXT） / write a fixed copy")
    .option("--kind <文种>", "按此文种检查（默认从标题识别） / check as this kind")
    .action(async (file: string, opts: { json?: boolean; fix?: string; kind?: string }, cmd: Command) => {
      const path = resolve(file);
      const kind = opts.kind ? { kind: await docKind(opts.kind) } : {};
      const r = await withCore(cmd, (c) => c.call("drafting.check", { source: { path }, ...kind }));
      if (opts.fix) {
        const fixed = await withCore(cmd, (c) => c.call("drafting.fix", { path, outPath: resolve(opts.fix!), ...kind }));
        if (opts.json) process.stdout.write(`${JSON.stringify({ findings: r.findings, stats: r.stats, fixed }, null, 2)}\n`);
        else process.stdout.write(`${formatCheck(r)}已修正 ${fixed.applied.length} 处，写入：${fixed.path}；余下 ${fixed.remaining.length} 处需人工处理。\n`);
        return;
      }
      process.stdout.write(opts.json ? `${JSON.stringify({ findings: r.findings, stats: r.stats }, null, 2)}\n` : formatCheck(r));
    });
}
