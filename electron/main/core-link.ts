import { createClient } from "../common/rpc/client";
import { splitDuplex } from "../common/rpc/duplex";
import { NO_PORTS, type Transport } from "../common/rpc/transport";
import { pipeTransport, type Pipe } from "../common/rpc/ports";
import { portContract } from "../common/rpc/port-contract";
import type { ChildHandle } from "../common/rpc/process";
import { createRouter } from "../common/rpc/router";
import { RpcError } from "../common/rpc/wire";
import { coreHostContract, mainHostContract, type DesktopPolicy, type GrantedRoot } from "../common/host-contract";

/**
 * Main's side of main↔core (common/host-contract.ts): calls the core (a
 * window's port, path grants, the policy for the window) and serves it (start and stop model workers,
 * report their exit). For each worker main creates a channel, gives one end
 * to the worker and the other to the core, and relays nothing. Generic over
 * the port type so it is tested with worker_threads.
 */

/** A utility process as main sees it (the core, a model worker): postMessage with ports, messages back. */
export interface UtilityLike<P> extends ChildHandle {
  postMessage(message: unknown, transfer: P[]): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** A utility process's channel as a Pipe; it ends when the process exits. */
export function utilityPipe<P>(child: UtilityLike<P>): Pipe {
  return {
    post: (m, transfer) => child.postMessage(m, (transfer ?? []) as P[]),
    listen: (listener) => child.onMessage((m) => listener(m, NO_PORTS)),
    onEnd: (listener) => child.onExit(() => listener()),
  };
}

export interface CoreLinkOptions<P> {
  /** Starts a model worker utility process with extra environment. */
  fork(env: Record<string, string>): UtilityLike<P>;
  newChannel(): { port1: P; port2: P };
  log(line: string): void;
}

export interface CoreLink<P> {
  /** Hands a window's end of a new channel to the core. */
  connectRenderer(port: P): Promise<void>;
  /** Resolves once the core has the grant in force. */
  grant(roots: GrantedRoot[]): Promise<void>;
  /** What the admin policy, as the core read it, decides about the window (DevTools). */
  desktopPolicy(): Promise<DesktopPolicy>;
  /** The core is gone: its workers must not outlive it. */
  killWorkers(): void;
}

export function linkCore<P>(toCore: Transport, options: CoreLinkOptions<P>): CoreLink<P> {
  const { serving, calling } = splitDuplex(toCore);
  const core = createClient(coreHostContract, calling, {
    onInvalid: (why) => options.log(`core: dropped a message: ${why}`),
    closedError: () => new RpcError("UNAVAILABLE", "核心服务未运行"),
  });
  const workers = new Map<number, UtilityLike<P>>();
  const router = createRouter(
    mainHostContract,
    {
      "modelWorker.start": async ({ id, env }) => {
        if (workers.has(id)) throw new RpcError("INVALID_INPUT", "模型进程编号重复", `model worker ${id}`);
        let worker: UtilityLike<P>;
        try {
          worker = options.fork(env);
        } catch (e) {
          options.log(`model worker: cannot start: ${String(e)}`);
          throw new RpcError("UNAVAILABLE", "无法启动模型进程，请重新安装 GovDesk 或联系信息技术部门", String(e));
        }
        workers.set(id, worker);
        worker.onExit((code) => {
          workers.delete(id);
          router.emit("modelWorker.exited", { id, code });
        });
        const { port1, port2 } = options.newChannel();
        // The worker serves on port1 once it has booted; what the core sends on port2 waits in the channel.
        const toWorker = createClient(portContract, pipeTransport(utilityPipe(worker)));
        toWorker.call("port.connect", {}, { transfer: [port1] }).catch((e: unknown) => options.log(`model worker ${id}: connect failed: ${String(e)}`));
        await core.call("modelWorker.port", { id }, { transfer: [port2] });
        return { pid: worker.pid ?? null };
      },
      "modelWorker.kill": ({ id }) => {
        const worker = workers.get(id);
        worker?.kill();
        return { killed: worker !== undefined };
      },
    },
    { log: options.log, name: "主进程" },
  );
  router.attach(serving, { trusted: true });

  return {
    async connectRenderer(port) {
      await core.call("port.connect", {}, { transfer: [port] });
    },
    async grant(roots) {
      await core.call("paths.grant", { roots });
    },
    desktopPolicy() {
      return core.call("policy.desktop", {});
    },
    killWorkers() {
      for (const w of workers.values()) w.kill();
      workers.clear();
    },
  };
}
