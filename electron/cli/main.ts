import { Command, CommanderError } from "commander";
import { APP_VERSION } from "../core/services/app-info";
import { registerInfo } from "./commands/info";
import { registerServe } from "./commands/serve";
import { registerModelCommands } from "./commands/models";
import { registerKnowledgeCommands } from "./commands/knowledge";
import { registerAssistantCommands } from "./commands/assistant";
import { registerSecurityCommands } from "./commands/security";
import { registerDraftingCommands } from "./commands/drafting";
import { errorLine, EXIT_FAILURE, EXIT_USAGE, UsageError, usageLine } from "./errors";

/** `govdesk`: the command line over the same core as the app. */
export function buildProgram(): Command {
  const program = new Command("govdesk")
    .description("GovDesk 政务助手 — 离线政务助手的命令行 / offline assistant for civil servants")
    .version(APP_VERSION, "-v, --version", "显示版本 / show version")
    .helpOption("-h, --help", "显示帮助 / show help")
    .option("--data-dir <dir>", "数据目录（默认同桌面版；也可用 GOVDESK_DATA_DIR） / data directory")
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  program.addHelpCommand("help [command]", "显示命令帮助 / help for a command");
  registerInfo(program);
  registerServe(program);
  registerModelCommands(program);
  registerKnowledgeCommands(program);
  registerAssistantCommands(program);
  registerSecurityCommands(program);
  registerDraftingCommands(program);
  quietErrors(program);
  return program;
}

/** Errors are printed once, as one line, by run(): silence commander's own output everywhere. */
function quietErrors(cmd: Command): void {
  for (const sub of cmd.commands) {
    sub.exitOverride().configureOutput({ writeErr: () => {} });
    quietErrors(sub);
  }
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    process.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv);
    // A command that did only part of its work (kb add with failed files) says so by its exit code.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      process.stderr.write(`${usageLine(e.code, e.message)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`${errorLine(e)}\n`);
    if (process.env["GOVDESK_DEBUG"] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return e instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}

// `govdesk chat … | head`: the reader went away; stop quietly instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

// Run when executed directly (bin/govdesk.mjs imports this module for its side effect).
// Not a top-level await: in the single-file bundle (dist/cli) the modules that
// dynamic imports point at are declared after this one, and must finish
// initialising before any command runs.
void run(process.argv).then((code) => {
  process.exitCode = code;
});
