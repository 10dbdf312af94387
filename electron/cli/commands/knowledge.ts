import { resolve } from "node:path";
import type { Command } from "commander";
import type { DocFormat, OcrMode } from "../../common/contracts/knowledge";
import { withCore } from "../context";
import { UsageError } from "../errors";
import { formatBases, formatDocuments, formatHits, formatIngest, formatReextract, ingestExitCode, metaLines, progressLine } from "./knowledge/format";


const print = (json: boolean | undefined, value: unknown, text: string): void => {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text);
};

function ocrMode(v: string): OcrMode {
  if (v !== "auto" && v !== "force" && v !== "off") throw new UsageError(`--ocr 应为 auto、force 或 off：${v}`);
  return v;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--k 应为 1 到 100 之间的整数：${v}`);
  return n;
}

/** `govdesk extract`, `govdesk kb …`, `govdesk search` (issue: knowledge base). */
export function registerKnowledgeCommands(program: Command): void {
  program
    .command("extract <file>")
    .description("提取文件文字、分页和公文要素 / extract text, pages and 公文 metadata")
    .option("--json", "以 JSON 输出 / print JSON")
    .option("--ocr <mode>", "OCR：auto（需要时，默认）、force（每页都识别）、off（不识别） / OCR: auto, force or off", ocrMode, "auto")
    .action(async (file: string, opts: { json?: boolean; ocr: OcrMode }, cmd: Command) => {
      (await import("./knowledge/prestart")).prestartFor([file]);
      const doc = await withCore(cmd, (c) => c.call("kb.extract", { path: resolve(file), ocr: opts.ocr }));
      const head = [`标题：${doc.title}`, `格式：${doc.format}`, ...metaLines(doc.meta), ...doc.warnings.map((w) => `警告：${w}`)];
      // Per page: n, text, where it came from, OCR's confidence, and the number printed on it.
      const pages = doc.pages.map((p) => ({
        n: p.page, page: p.page, text: p.text, source: p.source ?? "text",
        ...(p.confidence !== undefined ? { confidence: p.confidence } : {}), ...(p.needsOcr ? { needsOcr: true } : {}), ...(p.label ? { label: p.label } : {}),
      }));
      const ocrLabel = (p: (typeof pages)[number]): string => (p.source === "ocr" ? `（OCR，可信度 ${Math.round((p.confidence ?? 0) * 100)}%）` : "");
      const pageHead = (p: (typeof pages)[number]): string => (doc.paged === false ? "--- 全文（无固定页码） ---" : `--- 第 ${p.n} 页${p.label ? `（页码 ${p.label}）` : ""}${ocrLabel(p)} ---`);
      print(opts.json, { ...doc, pages }, `${head.join("\n")}\n\n${pages.map((p) => `${pageHead(p)}\n${p.text}`).join("\n")}\n`);
    });

  const kb = program.command("kb").description("知识库：创建、添加文档、列表 / knowledge bases");
  kb.command("create <name>")
    .description("创建知识库 / create a knowledge base")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      const b = await withCore(cmd, (c) => c.call("kb.create", { name }));
      print(opts.json, b, `已创建知识库：${b.name}\n`);
    });
  kb.command("list")
    .description("列出知识库 / list knowledge bases")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("kb.list", {}));
      print(opts.json, r, formatBases(r.bases, r.vectorSearch));
    });
  kb.command("rename <name> <newName>")
    .description("重命名知识库 / rename a knowledge base")
    .action(async (name: string, to: string, _opts: unknown, cmd: Command) => {
      const b = await withCore(cmd, (c) => c.call("kb.rename", { name, to }));
      process.stdout.write(`已重命名为：${b.name}\n`);
    });
  kb.command("rm <name>")
    .description("删除知识库及其索引（不删除原文件） / delete a knowledge base")
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      await withCore(cmd, (c) => c.call("kb.delete", { name }));
      process.stdout.write(`已删除知识库：${name}\n`);
    });
  kb.command("watch <name> [folder]")
    .description("监视文件夹，自动添加新增、修改的文件并移除已删除的文件（在桌面版或 serve 运行时生效；--off 停止） / watch a folder")
    .option("--off", "停止监视 / stop watching")
    .action(async (name: string, folder: string | undefined, opts: { off?: boolean }, cmd: Command) => {
      if (!opts.off && !folder) throw new UsageError("请给出要监视的文件夹，或用 --off 停止监视。");
      const b = await withCore(cmd, (c) => c.call("kb.watch", { name, folder: opts.off ? null : resolve(folder!) }));
      process.stdout.write(b.watchPath ? `知识库“${b.name}”将监视：${b.watchPath}（桌面版或 govdesk serve 运行时生效）\n` : `知识库“${b.name}”已停止监视文件夹\n`);
    });
  kb.command("docs <name>")
    .description("列出知识库中的文档及状态 / list documents")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("kb.documents", { name }));
      print(opts.json, r, formatDocuments(r.documents));
    });
  kb.command("add <name> <paths...>")
    .description("添加文件或文件夹（扫描件自动 OCR；进度输出到 stderr；有文件失败时退出码 3，全部失败时 1） / add files and folders (exit 3 when some files failed, 1 when all did)")
    .option("--json", "以 JSON 输出结果 / print the summary as JSON")
    .option("--ocr <mode>", "这些文件的 OCR：auto（需要时，默认）、force、off / OCR for these files", ocrMode)
    .action(async (name: string, paths: string[], opts: { json?: boolean; ocr?: OcrMode }, cmd: Command) => {
      (await import("./knowledge/prestart")).prestartFor(paths);
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once("SIGINT", onSigint);
      try {
        const r = await withCore(cmd, (c) =>
          c.job("kb.add", { name, paths, ...(opts.ocr ? { ocr: opts.ocr } : {}) }, { signal: abort.signal, onProgress: (p) => process.stderr.write(`${progressLine(p)}\n`) }),
        );
        print(opts.json, r, formatIngest(r));
        process.exitCode = ingestExitCode(r);
      } finally {
        process.off("SIGINT", onSigint);
      }
    });

  kb.command("reextract")
    .description("用当前版本的解析器重新读取旧版本索引的文档（可中断，下次继续） / re-extract documents indexed by an older extractor")
    .option("--json", "以 JSON 输出结果 / print the summary as JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once("SIGINT", onSigint);
      try {
        const r = await withCore(cmd, (c) =>
          c.job("kb.reextract", {}, { signal: abort.signal, onProgress: (p) => process.stderr.write(`[${p.done}/${p.total}] 重新提取\n`) }),
        );
        print(opts.json, r, formatReextract(r));
        if (r.failed.length && !r.reextracted) process.exitCode = 1;
      } finally {
        process.off("SIGINT", onSigint);
      }
    });

  program
    .command("search <name> <query>")
    .description("在知识库中检索 / search a knowledge base")
    .option("--k <n>", "返回条数（默认 5） / number of hits", positiveInt, 5)
    .option("--issuer <text>", "按发文机关过滤 / filter by issuing organ")
    .option("--doc-number <text>", "按发文字号过滤 / filter by document number")
    .option("--from <date>", "成文日期起（yyyy-mm-dd） / date from")
    .option("--to <date>", "成文日期止（yyyy-mm-dd） / date to")
    .option("--format <list>", "文件格式，逗号分隔，如 pdf,ofd / formats")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (name: string, query: string, opts: { k: number; issuer?: string; docNumber?: string; from?: string; to?: string; format?: string; json?: boolean }, cmd: Command) => {
      const filters = {
        ...(opts.issuer ? { issuer: opts.issuer } : {}),
        ...(opts.docNumber ? { docNumber: opts.docNumber } : {}),
        ...(opts.from ? { dateFrom: opts.from } : {}),
        ...(opts.to ? { dateTo: opts.to } : {}),
        ...(opts.format ? { format: await formats(opts.format) } : {}),
      };
      const r = await withCore(cmd, (c) => c.call("kb.search", { name, query, k: opts.k, filters }));
      const hits = r.hits.map((h) => ({
        path: h.path, title: h.title, page: h.page, snippet: h.snippet, score: h.score, headingPath: h.headingPath, documentId: h.documentId,
        ...(h.paged === false ? { paged: false, ...(h.paragraphs ? { paragraphs: h.paragraphs } : {}) } : {}),
      }));
      print(opts.json, { hits, vectorSearch: r.vectorSearch }, formatHits(r.hits));
    });
}

/** `--format pdf,ofd` as the contract's formats; an unknown one is a usage error naming the known ones. (zod loads with the command, not with the CLI.) */
async function formats(list: string): Promise<DocFormat[]> {
  const { DocFormat } = await import("../../common/contracts/knowledge");
  return list.split(",").map((f) => {
    const parsed = DocFormat.safeParse(f.trim().toLowerCase());
    if (!parsed.success) throw new UsageError(`未知的文件格式：${f.trim()}（可用：${DocFormat.options.join(", ")}）`);
    return parsed.data;
  });
}
