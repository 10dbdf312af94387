import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RpcError } from "../../common/rpc/wire";

/**
 * One running worker process as the core sees it. Under plain Node it is a
 * `child_process.fork`; under Electron only main can start utility
 * processes, so main implements this over a utilityProcess and hands the core
 * a ProcessHost (see CoreOptions wiring in the Electron entry).
 */
export interface WorkerProcess {
  send(msg: unknown): void;
  onMessage(fn: (msg: unknown) => void): void;
  /** Called once when the process ends, for any reason. */
  onExit(fn: (code: number | null, signal: string | null) => void): void;
  kill(signal?: NodeJS.Signals): void;
  readonly pid: number | undefined;
  /** The end of what the process wrote to stderr (llama.cpp's last words before an abort). */
  stderrTail?(): string;
}

export interface ProcessHost {
  start(env: Record<string, string>): WorkerProcess;
}

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
export function forkProcessHost(entry: string = workerEntry()): ProcessHost {
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
      let ended = false;
      const end = (code: number | null, signal: string | null): void => {
        if (ended) return;
        ended = true;
        for (const fn of exitListeners) fn(code, signal);
      };
      child.once("exit", end);
      child.once("error", (e) => {
        tail += `\n${e.message}`;
        end(null, null);
      });
      return {
        pid: child.pid,
        send: (msg) => {
          if (child.connected) child.send(msg as object);
        },
        onMessage: (fn) => void child.on("message", fn),
        onExit: (fn) => {
          if (ended) fn(child.exitCode, child.signalCode);
          else exitListeners.push(fn);
        },
        kill: (signal) => void child.kill(signal ?? "SIGTERM"),
        stderrTail: () => tail.trim(),
      };
    },
  };
}

/**
 * Under Electron the core cannot fork (RunAsNode fuse off): its entry asks
 * main to start `dist/worker/model-worker.mjs` with `utilityProcess.fork`
 * and installs a ProcessHost over what main hands back, before createCore:
 *
 *   setProcessHost({ start: (env) => workerProcessOverPort(askMainForWorker(env)) });
 *
 * The worker entry already speaks over `process.parentPort` when it has one.
 * Until something is installed, the Node fork host is used.
 */
let installed: ProcessHost | null = null;

/** Electron's MessagePortMain as far as the worker link needs it. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: "message", listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** What main hands back for a utility process it started: its port and its lifecycle. */
export interface RemoteWorkerHandle {
  port: PortLike;
  pid: number | undefined;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

/** A WorkerProcess over a port from main (Electron). */
export function workerProcessOverPort(handle: RemoteWorkerHandle): WorkerProcess {
  handle.port.start();
  let exited = false;
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  handle.onExit((code, signal) => {
    if (exited) return;
    exited = true;
    handle.port.close();
    for (const fn of exitListeners) fn(code, signal);
  });
  return {
    pid: handle.pid,
    send: (msg) => {
      if (!exited) handle.port.postMessage(msg);
    },
    onMessage: (fn) => handle.port.on("message", (ev) => fn(ev.data)),
    onExit: (fn) => void exitListeners.push(fn),
    kill: () => handle.kill(),
  };
}

export function setProcessHost(host: ProcessHost | null): void {
  installed = host;
}

export function defaultProcessHost(): ProcessHost {
  if (installed) return installed;
  // Forking the Electron binary with RunAsNode off would start a second app, not a worker.
  if (process.versions["electron"]) {
    return {
      start() {
        throw new RpcError("UNAVAILABLE", "桌面版尚未接入模型进程（需要主进程通过 utilityProcess 启动）：请先使用命令行或 govdesk serve");
      },
    };
  }
  return forkProcessHost();
}
