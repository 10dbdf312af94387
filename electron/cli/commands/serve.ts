import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { startServer } from "../../core/server/serve";
import { openCore, type GlobalOptions } from "../context";
import { UsageError } from "../errors";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("在本机 127.0.0.1 上提供界面（浏览器访问） / serve the UI on 127.0.0.1 for a browser")
    .option("--port <n>", "端口，0 表示自动选择 / port, 0 = pick a free one", "0")
    .action(async (opts: { port: string }, cmd: Command) => {
      const port = parsePort(opts.port);
      const rendererDir = findRendererDir();
      const { core, client } = openCore(cmd.optsWithGlobals<GlobalOptions>(), "serve");
      client.close(); // the server attaches its own connections
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const server = await startServer({ router: core.router, rendererDir, port, log });
      process.stdout.write(`${server.url}\n`);
      log(`GovDesk 已在本机启动，请在浏览器中打开上面的地址（仅限本机访问）。按 Ctrl+C 停止。`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(() => core.close()).then(done);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}

export function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`端口必须是 0 到 65535 之间的整数，收到 "${text}"`);
  return n;
}

/** The built renderer: next to the CLI bundle (dist/cli → dist/renderer) or in the source checkout. */
export function findRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env["GOVDESK_RENDERER_DIR"],
    join(here, "../renderer"),
    resolve(here, "../../../dist/renderer"),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(join(c, "index.html")));
  if (!found) throw new Error("界面文件尚未构建，请先在项目目录运行 npm run build");
  return found;
}
