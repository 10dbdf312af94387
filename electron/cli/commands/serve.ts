import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { dataDirFrom, type GlobalOptions } from "../context";
import { UsageError } from "../errors";
import type { PathRoot } from "../../core/security/paths/path-rules";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("在本机 127.0.0.1 上提供界面（浏览器访问） / serve the UI on 127.0.0.1 for a browser")
    .option("--port <n>", "端口，0 表示自动选择 / port, 0 = pick a free one", "0")
    .option(
      "--allow-dir <folder>",
      "浏览器界面可以读取的文件夹，可重复；默认为主目录（不含隐藏文件夹）。界面不能写入任何文件：导出以下载方式交给浏览器 / folders the browser UI may read (repeatable; default: home without hidden folders); the UI writes no files, exports are downloads",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (opts: { port: string; allowDir: string[] }, cmd: Command) => {
      const port = parsePort(opts.port);
      const rendererDir = findRendererDir();
      const log = (line: string) => process.stderr.write(`${line}\n`);
      // A browser has no native file dialog to grant paths: the command line says which folders the UI may name.
      const roots = serveRoots(opts.allowDir, homedir());
      // The page loads while the core opens (database, schemas, modules): the server listens and
      // prints its URL first, the core opens in a thread of its own (so the page's files never wait
      // for it), and the RPC socket is taken once the core is ready.
      const [{ startServer }, { startCoreThread }] = await Promise.all([import("../../core/server/serve"), import("../../core/server/core-thread-host")]);
      let openCoreNow: () => void = () => {};
      const opening = new Promise<void>((start) => (openCoreNow = start)).then(() =>
        startCoreThread({ dataDir: dataDirFrom(cmd.optsWithGlobals<GlobalOptions>()), roots, debug: Boolean(process.env["GOVDESK_DEBUG"]) }),
      );
      const router = opening.then((core) => core.ready.then(() => core));
      router.catch(() => {}); // the failure is reported below, by awaiting it
      const server = await startServer({ router, rendererDir, port, log });
      openCoreNow();
      process.stdout.write(`${server.url}\n`);
      const core = await opening;
      try {
        await core.ready;
      } catch (e) {
        // The page may be open already: it shows the core as unreachable, and this command says why.
        await server.close();
        throw e;
      }
      log(`浏览器界面可使用的文件夹：${roots.map((r) => r.path + (r.skipHidden ? "（不含隐藏文件夹）" : "")).join("、")}`);
      log(`GovDesk 已在本机启动，请在浏览器中打开上面的地址（仅限本机访问）。按 Ctrl+C 停止。`);
      const stopped = new Promise<void>((done) => {
        const stop = () => void server.close().then(() => core.close()).then(done);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      // A core thread that dies (a crash) ends the command with its error, as it did in-process.
      await Promise.race([stopped, core.died.catch(async (e: unknown) => {
        await server.close();
        throw e;
      })]);
    });
}

/** `--allow-dir` folders as whole trees; without any, the home folder minus hidden ones (~/.ssh, ~/.config). */
export function serveRoots(allowDirs: string[], home: string): PathRoot[] {
  if (allowDirs.length) return allowDirs.map((d) => ({ path: resolve(d), scope: "tree" }));
  return [{ path: home, scope: "tree", skipHidden: true }];
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
