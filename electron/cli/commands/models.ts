import type { Command } from "commander";
import type { ModelListItem } from "../../common/contracts/models";
import { withCore } from "../context";
import { UsageError } from "../errors";
import { registerChatCommand } from "./models/chat";
import { formatBench, formatInspect, formatList, progressLine } from "./models/format";


export function intOption(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} 应为非负整数：${v}`);
    return n;
  };
}

const print = (json: boolean | undefined, value: unknown, text: string): void => {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text);
};

/** `govdesk models …` and `govdesk chat` (issue: model runtime). */
export function registerModelCommands(program: Command): void {
  const models = program.command("models").description("模型管理：导入、检查、测速 / model manager");

  models
    .command("inspect <file>")
    .description("读取 GGUF 信息并估算本机适配 / show GGUF metadata and fit")
    .option("--json", "以 JSON 输出 / print JSON")
    .option("--gpu-layers <n>", "GPU 层数 / GPU layers", intOption("--gpu-layers"))
    .option("--context <n>", "上下文长度 / context size", intOption("--context"))
    .action(async (file: string, opts: { json?: boolean; gpuLayers?: number; context?: number }, cmd: Command) => {
      const out = await withCore(cmd, (c) =>
        c.call("models.inspect", {
          path: file,
          ...(opts.gpuLayers !== undefined ? { gpuLayers: opts.gpuLayers } : {}),
          ...(opts.context !== undefined ? { contextSize: opts.context } : {}),
        }),
      );
      print(opts.json, out, formatInspect(out));
    });

  models
    .command("import <file>")
    .description("导入模型（默认复制到数据目录） / import a GGUF")
    .option("--in-place", "原地登记，不复制 / register where it lies")
    .option("--sha256 <hex>", "期望的 sha256 / expected sha256")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (file: string, opts: { inPlace?: boolean; sha256?: string; json?: boolean }, cmd: Command) => {
      const rec = await withCore(cmd, (c) =>
        c.job("models.import", { path: file, inPlace: !!opts.inPlace, ...(opts.sha256 ? { sha256: opts.sha256 } : {}) }, {
          onProgress: (p) => progressLine(p.stage ?? "", p.done, p.total),
        }),
      );
      progressLine("", 0, 0, true);
      print(opts.json, rec, `已导入：${rec.name}（${rec.id}）\n`);
    });

  models
    .command("list")
    .description("列出已导入的模型 / list imported models")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const out = await withCore(cmd, (c) => c.call("models.list", {}));
      print(opts.json, out, formatList(out.models as ModelListItem[]));
    });

  models
    .command("verify <file>")
    .description("计算 sha256 并核对 / verify a file's sha256")
    .option("--sha256 <hex>", "期望的 sha256 / expected sha256")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (file: string, opts: { sha256?: string; json?: boolean }, cmd: Command) => {
      const out = await withCore(cmd, (c) =>
        c.job("models.verify", { path: file, ...(opts.sha256 ? { sha256: opts.sha256 } : {}) }, {
          onProgress: (p) => progressLine(p.stage ?? "", p.done, p.total),
        }),
      );
      progressLine("", 0, 0, true);
      if (out.matches === false) throw new Error(`sha256 不符：文件可能已损坏或被替换（实际 ${out.sha256}）`);
      print(opts.json, out, `sha256：${out.sha256}${out.matches ? "（一致）" : "（没有可核对的值）"}\n`);
    });

  models
    .command("bench <file>")
    .description("测速：提示词/生成每秒 token 数、嵌入速度 / benchmark")
    .option("--json", "以 JSON 输出 / print JSON")
    .option("--tokens <n>", "生成的 token 数 / tokens to generate", intOption("--tokens"), 64)
    .action(async (file: string, opts: { json?: boolean; tokens: number }, cmd: Command) => {
      const out = await withCore(cmd, (c) => c.job("models.bench", { path: file, tokens: Math.max(1, opts.tokens) }));
      print(opts.json, out, formatBench(out));
    });

  models
    .command("default <id>")
    .description("设为默认模型（id 可只写前几位） / set the default model (id prefix ok)")
    .option("--embedding", "设为默认嵌入模型（默认：对话） / default for embeddings instead of chat")
    .action(async (id: string, opts: { embedding?: boolean }, cmd: Command) => {
      const m = await withCore(cmd, (c) => c.call("models.setDefault", { id, role: opts.embedding ? "embedding" : "chat" }));
      process.stdout.write(`已设为默认${m.role === "embedding" ? "嵌入" : "对话"}模型：${m.name}\n`);
    });

  registerChatCommand(program);
}
