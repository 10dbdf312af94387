import type { Command } from "commander";
import { print, withCore } from "./with-core";

/**
 * `govdesk kb export <name> <file.govpack>` and `govdesk kb import <file>`:
 * knowledge packs, added to the `kb` command group of the knowledge commands.
 */
export function registerPackCommands(program: Command): void {
  const kb = program.commands.find((c) => c.name() === "kb") ?? program.command("kb").description("知识库 / knowledge bases");

  kb.command("export")
    .description("把知识库导出为知识包（.govpack） / export a knowledge base as a knowledge pack")
    .argument("<name>", "知识库名称 / knowledge base")
    .argument("<file>", "知识包文件 / pack file (.govpack)")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (name: string, file: string, opts: { json?: boolean }, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("packs.export", { name, path: file }));
      print(opts.json, r, `已导出知识包：${file}（${r.documents} 个文档${r.embedModel ? `，向量模型 ${r.embedModel.slice(0, 16)}` : "，无向量"}）\n`);
    });

  kb.command("import")
    .description("校验并安装知识包（只读） / verify and install a knowledge pack (read-only)")
    .argument("<file>", "知识包文件 / pack file (.govpack)")
    .option("--name <name>", "安装为此名称 / install under this name")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (file: string, opts: { name?: string; json?: boolean }, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("packs.import", { path: file, ...(opts.name ? { name: opts.name } : {}) }));
      const warn = r.embedModelMismatch ? "\n注意：知识包的向量由另一个向量模型生成，向量检索将在重新生成向量后启用；关键词检索可直接使用。" : "";
      print(opts.json, r, `已安装知识库“${r.base}”（只读，${r.documents} 个文档）${warn}\n`);
    });
}
