/**
 * Exit codes: 1 = the command failed, 2 = bad usage, 3 = it did part of the
 * work (e.g. `kb add`: some files were indexed, others failed; the summary
 * on stdout names each failed file). README.md lists them.
 */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_PARTIAL = 3;

export class UsageError extends Error {}

/** One line on stderr, Chinese first, then the technical detail if any. */
export function errorLine(e: unknown): string {
  // An RpcError (code, message, detail), recognised by shape: importing its class would load the zod wire schemas at startup.
  const detail = e instanceof Error && "code" in e ? (e as { detail?: unknown }).detail : undefined;
  if (typeof detail === "string" && detail) return `错误：${(e as Error).message} (${detail})`;
  if (e instanceof UsageError) return `错误：${e.message}`;
  if (e instanceof Error) return `错误：${e.message}`;
  return `错误：${String(e)}`;
}

const COMMANDER_ZH: Record<string, string> = {
  "commander.unknownCommand": "未知命令",
  "commander.unknownOption": "未知选项",
  "commander.missingArgument": "缺少参数",
  "commander.optionMissingArgument": "选项缺少取值",
  "commander.missingMandatoryOptionValue": "缺少必需的选项",
  "commander.invalidArgument": "参数无效",
  "commander.excessArguments": "参数过多",
  "commander.conflictingOption": "选项冲突",
};

/** Commander's English usage message, led by a Chinese summary, on one line. */
export function usageLine(code: string, message: string): string {
  const english = message.replace(/^error:\s*/i, "").split("\n")[0]?.trim() ?? "";
  const zh = COMMANDER_ZH[code] ?? "用法错误";
  return `错误：${zh}（运行 govdesk --help 查看用法） / error: ${english}`;
}
