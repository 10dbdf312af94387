import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { NO_PORTS } from "../../common/rpc/transport";
import { pipeTransport } from "../../common/rpc/ports";
import type { ChildHandle, ProcessHost } from "../../common/rpc/process";
import type { Transport } from "../../common/rpc/transport";
import { RpcError } from "../../common/rpc/wire";

/**
 * One running model worker as the core sees it: the transport to it (the
 * worker contract runs over it) and its lifecycle. Under plain Node it is a
 * `child_process.fork`; under Electron main starts a utilityProcess and
 * hands the core a port to it (core/entry/host-link.ts).
 */
export interface WorkerProcess extends ChildHandle {
  readonly transport: Transport;
  /** The end of what the process wrote to stderr (llama.cpp's last words before an abort). */
  stderrTail?(): string;
}

/** How the core starts model workers; the argument is extra environment for the worker. */
export type WorkerHost = ProcessHost<WorkerProcess, Record<string, string>>;

/**
 * Where the worker entry is: the TypeScript source beside this file (CLI,
 * tests, serve from a checkout, run through tsx), or the bundled
 * dist/worker/model-worker.mjs next to dist/core or dist/cli.
 */
export function workerEntry(): string {
  // Relative names in a list (not literal `new URL("…", import.meta.url)`), so vite does not treat them as assets.
  const candidates = ["./worker/entry.ts", "../worker/model-worker.mjs", "./model-worker.mjs"];
  for (const rel of candidates) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error("找不到模型进程程序（model-worker），请重新构建或安装 GovDesk");
}

/** The Node host: forks the worker entry, through tsx when it is a .ts file. */
export function forkProcessHost(entry: string = workerEntry()): WorkerHost {
  return {
    start(env) {
      const execArgv = entry.endsWith(".ts") ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href] : [];
      const child = fork(entry, [], {
        execArgv,
        env: { ...process.env, ...env },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        serialization: "advanced",
      });
      // llama.cpp may print to stderr before it aborts; keep the last lines for the error.
      let tail = "";
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (d: string) => (tail = (tail + d).slice(-2000)));
      // A process that cannot start emits "error" (and maybe no "exit"): report it once, as an exit.
      const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
      let ended: { code: number | null; signal: string | null } | null = null;
      let endTransport: (() => void) | null = null;
      const end = (code: number | null, signal: string | null): void => {
        if (ended) return;
        ended = { code, signal };
        for (const fn of exitListeners) fn(code, signal);
        endTransport?.();
      };
      child.once("exit", end);
      child.once("error", (e) => {
        tail += `\n${e.message}`;
        end(null, null);
      });
      // The transport ends with the process (not at IPC disconnect), so its exit code is known by then.
      const transport = pipeTransport({
        post: (m) => {
          if (child.connected) child.send(m as object);
        },
        listen: (listener) => void child.on("message", (m: unknown) => listener(m, NO_PORTS)),
        onEnd: (listener) => void (endTransport = listener),
      });
      return {
        pid: child.pid,
        transport,
        onExit: (fn) => {
          if (ended) fn(ended.code, ended.signal);
          else exitListeners.push(fn);
        },
        kill: (signal) => void child.kill(signal ?? "SIGTERM"),
        stderrTail: () => tail.trim(),
      };
    },
  };
}

/** Under Electron without main's help there is no way to start a worker: say so when asked. */
export function unavailableHost(): WorkerHost {
  return {
    start() {
      throw new RpcError("UNAVAILABLE", "桌面版尚未接入模型进程（需要主进程通过 utilityProcess 启动）：请先使用命令行或 govdesk serve");
    },
  };
}

/** The host for plain Node (fork); under Electron the entry must pass main's host. */
export function defaultWorkerHost(): WorkerHost {
  // Forking the Electron binary with RunAsNode off would start a second app, not a worker.
  return process.versions["electron"] ? unavailableHost() : forkProcessHost();
}
