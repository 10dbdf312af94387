import type { Command } from "commander";
import type { AppInfo } from "../../common/contract";
import { openCore, type GlobalOptions } from "../context";

export function registerInfo(program: Command): void {
  program
    .command("info")
    .description("显示版本、数据目录和运行环境 / show version, data directory and runtime")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { core, client } = await openCore(cmd.optsWithGlobals<GlobalOptions>(), "cli");
      try {
        const info = await client.call("app.info", {});
        process.stdout.write(opts.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
      } finally {
        client.close();
        await core.close();
      }
    });
}

export function formatInfo(info: AppInfo): string {
  const rows: [string, string][] = [
    ["名称", info.name],
    ["版本", info.version],
    ["数据目录", info.dataDir],
    ["数据结构版本", String(info.schemaVersion)],
    ["平台", `${info.platform}/${info.arch}`],
    ["Node.js", info.versions.node],
    ["Electron", info.versions.electron ?? "—"],
    ["SQLite", info.versions.sqlite],
    ["sqlite-vec", info.versions.sqliteVec],
  ];
  return rows.map(([k, v]) => `${k}：${v}`).join("\n") + "\n";
}
