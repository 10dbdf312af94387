import { createClient } from "../../common/rpc/client";
import { splitDuplex } from "../../common/rpc/duplex";
import { electronPortPipe, pipeTransport, type ElectronPortLike, type Pipe } from "../../common/rpc/ports";
import { createRouter, type Router } from "../../common/rpc/router";
import { createSwitchableTransport, type SwitchableTransport } from "../../common/rpc/switchable";
import type { Transport } from "../../common/rpc/transport";
import { RpcError } from "../../common/rpc/wire";
import { coreHostContract, mainHostContract, type CoreHostContract } from "../../common/host-contract";
import type { Core } from "../core";
import type { WorkerHost, WorkerProcess } from "../llm/process-host";
import { devtoolsAllowed } from "../security/services";

/**
 * The core's side of main↔core (common/host-contract.ts) under Electron:
 * it serves main's calls (a window's port, path grants, a model worker's
 * port, what the policy says about the window) and gives the core a WorkerHost that asks main to start model
 * workers. Free of Electron, so it is tested with worker_threads ports.
 */
export interface HostLink {
  /** For createCore: model workers started by main. */
  readonly workerHost: WorkerHost;
  /** Serve main's calls for this core (after createCore). */
  serve(core: Pick<Core, "router" | "grantPaths" | "services">): Router<CoreHostContract>;
}

export interface HostLinkOptions {
  log?: (line: string) => void;
  /** How a received port becomes a pipe (Electron's MessagePortMain by default; tests pass worker_threads'). */
  portPipe?: (port: unknown) => Pipe;
}

interface WorkerSlot {
  transport: SwitchableTransport;
  pid: number | undefined;
  exitListeners: ((code: number | null, signal: string | null) => void)[];
  exited: boolean;
}

export function createHostLink(toMain: Transport, options: HostLinkOptions = {}): HostLink {
  const log = options.log ?? (() => {});
  const portPipe = options.portPipe ?? ((port: unknown) => electronPortPipe(port as ElectronPortLike));
  const { serving, calling } = splitDuplex(toMain);
  const main = createClient(mainHostContract, calling, {
    onInvalid: (why) => log(`core: dropped a message from main: ${why}`),
    closedError: () => new RpcError("UNAVAILABLE", "与主进程的连接已断开"),
  });
  const workers = new Map<number, WorkerSlot>();
  let nextId = 1;

  function exited(id: number, code: number | null): void {
    const w = workers.get(id);
    if (!w) return;
    workers.delete(id);
    w.exited = true;
    for (const fn of w.exitListeners) fn(code, null);
    w.transport.close();
  }
  main.on("modelWorker.exited", ({ id, code }) => exited(id, code));

  const workerHost: WorkerHost = {
    start(env): WorkerProcess {
      const id = nextId++;
      const w: WorkerSlot = { transport: createSwitchableTransport(), pid: undefined, exitListeners: [], exited: false };
      workers.set(id, w);
      main.call("modelWorker.start", { id, env }).then(
        ({ pid }) => void (w.pid = pid ?? undefined),
        (e: unknown) => {
          log(`core: main could not start a model worker: ${e instanceof Error ? e.message : String(e)}`);
          exited(id, null);
        },
      );
      return {
        get pid() {
          return w.pid;
        },
        transport: w.transport,
        onExit(fn) {
          if (w.exited) fn(null, null);
          else w.exitListeners.push(fn);
        },
        kill: () => void main.call("modelWorker.kill", { id }).catch(() => exited(id, null)),
      };
    },
  };

  return {
    workerHost,
    serve(core) {
      const router = createRouter(
        coreHostContract,
        {
          // Renderer ports are untrusted: the core's path guard applies to them.
          "port.connect": (_input, ctx) => {
            core.router.attach(pipeTransport(portPipe(ctx.ports[0])));
            return {};
          },
          "paths.grant": ({ roots }) => {
            core.grantPaths(roots);
            return {};
          },
          "policy.desktop": () => ({ devtools: devtoolsAllowed(core.services) }),
          "modelWorker.port": ({ id }, ctx) => {
            const w = workers.get(id);
            if (!w) throw new RpcError("NOT_FOUND", "没有这个模型进程", `model worker ${id}`);
            w.transport.attach(pipeTransport(portPipe(ctx.ports[0])));
            return {};
          },
        },
        { log, name: "核心服务" },
      );
      router.attach(serving, { trusted: true });
      return router;
    },
  };
}
