import type { Command } from "commander";
import type { ModelsRepo } from "../../../core/llm/models-repo";
import { openCore, type GlobalOptions } from "../../context";
import { UsageError } from "../../errors";

interface ChatOpts {
  model?: string;
  system?: string;
  maxTokens: number;
  temperature?: number;
  threads?: number;
}

/** `govdesk chat --model <gguf> "<prompt>"`: answer on stdout as it streams, thoughts on stderr. */
export function registerChatCommand(program: Command): void {
  program
    .command("chat <prompt>")
    .description("与模型对话（流式输出） / chat with a model, streamed")
    .option("--model <file>", "GGUF 模型文件（默认用设置的默认对话模型） / GGUF model file (default: the default chat model)")
    .option("--system <text>", "系统提示词 / system prompt")
    .option("--max-tokens <n>", "最多生成的 token 数 / max tokens", positiveInt, 256)
    .option("--temperature <t>", "温度 0–2 / temperature", temperature)
    .option("--threads <n>", "CPU 线程数 / CPU threads", positiveInt)
    .action(async (prompt: string, opts: ChatOpts, cmd: Command) => {
      const [{ core, client }, { SettingsRepo }, { openStandaloneChat }, { ThreadCalibrations }, { assertPathAllowed }, { inspectGguf }, { ModelsRepo }] = await Promise.all([
        openCore(cmd.optsWithGlobals<GlobalOptions>(), "cli"),
        import("../../../core/store/settings-repo"),
        import("../../../core/llm/standalone"),
        import("../../../core/llm/thread-calibration"),
        import("../../../core/llm/policy-check"),
        import("../../../core/llm/gguf-inspect"),
        import("../../../core/llm/models-repo"),
      ]);
      client.close();
      let opened: Awaited<ReturnType<typeof openStandaloneChat>>;
      try {
        const settings = new SettingsRepo(core.store.db).get();
        const repo = new ModelsRepo(core.store.db);
        const path = (await inspectGguf(opts.model ?? defaultChatPath(repo, settings.defaultChatModelId))).path;
        await assertPathAllowed(core.services, path);
        // Threads "auto" are measured once per model and machine and kept in the database, hence the core stays open until the model is.
        const modelKey = repo.byPath(path)?.id;
        opened = await openStandaloneChat(path, { threads: opts.threads ?? settings.threads, calibrations: new ThreadCalibrations(core.store.db), ...(modelKey ? { modelKey } : {}) });
      } finally {
        await core.close();
      }
      const { model, close } = opened;
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once("SIGINT", onSigint);
      try {
        const result = await model.generate({
          messages: [{ role: "user", content: prompt }],
          maxTokens: opts.maxTokens,
          ...(opts.system ? { system: opts.system } : {}),
          ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
          signal: abort.signal,
          onChunk: (c) => (c.type === "thought" ? process.stderr : process.stdout).write(c.text),
        });
        process.stdout.write("\n");
        if (result.stopReason === "maxTokens") process.stderr.write(`（已达到 --max-tokens ${opts.maxTokens} 的上限）\n`);
      } finally {
        process.off("SIGINT", onSigint);
        await close();
      }
    });
}

/** The default chat model's file when no --model is given (the command line uses local models only). */
function defaultChatPath(repo: ModelsRepo, id: string | null): string {
  const m = id && !id.startsWith("remote:") ? repo.get(id) : null;
  if (!m) throw new UsageError("请用 --model 指定 GGUF 模型文件，或先在模型管理中设置默认对话模型");
  return m.path;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`应为正整数：${v}`);
  return n;
}

function temperature(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 2) throw new UsageError(`温度应在 0 到 2 之间：${v}`);
  return n;
}
