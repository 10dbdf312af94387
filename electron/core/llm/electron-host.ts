import { MainToCore, type CoreToMain } from "../../common/worker-broker";
import { electronPortPipe, pipeTransport, type ElectronPortLike } from "../../common/rpc/ports";
import { createSwitchableTransport } from "../../common/rpc/switchable";
import type { WorkerHost, WorkerProcess } from "./process-host";

/**
 * A WorkerHost for the core running as Electron's utilityProcess: `start`
 * asks main (over the parentPort) to start a model worker, and the returned
 * WorkerProcess talks to it over the MessagePort main hands back. Messages
 * sent before the port arrives wait in order.
 */
export interface PortHost {
  host: WorkerHost;
  /** Feed messages from main here; returns false for messages that are not ours. */
  receive(data: unknown, ports: readonly unknown[]): boolean;
}

interface Pending {
  transport: ReturnType<typeof createSwitchableTransport>;
  pid: number | undefined;
  exitListeners: ((code: number | null, signal: string | null) => void)[];
  exited: boolean;
}

export function createPortHost(postToMain: (msg: CoreToMain) => void): PortHost {
  let nextId = 1;
  const workers = new Map<number, Pending>();

  function start(env: Record<string, string>): WorkerProcess {
    const id = nextId++;
    const w: Pending = { transport: createSwitchableTransport(), pid: undefined, exitListeners: [], exited: false };
    workers.set(id, w);
    postToMain({ type: "model-worker.start", id, env });
    return {
      get pid() {
        return w.pid;
      },
      transport: w.transport,
      onExit(fn) {
        if (w.exited) fn(null, null);
        else w.exitListeners.push(fn);
      },
      kill: () => postToMain({ type: "model-worker.kill", id }),
    };
  }

  function receive(data: unknown, ports: readonly unknown[]): boolean {
    const parsed = MainToCore.safeParse(data);
    if (!parsed.success) return false;
    const msg = parsed.data;
    const w = workers.get(msg.id);
    if (!w) return true;
    if (msg.type === "model-worker.exit") {
      workers.delete(msg.id);
      w.exited = true;
      for (const fn of w.exitListeners) fn(msg.code, null);
      w.transport.close();
      return true;
    }
    const port = ports[0];
    if (!port) return true;
    w.pid = msg.pid ?? undefined;
    w.transport.attach(pipeTransport(electronPortPipe(port as ElectronPortLike)));
    return true;
  }

  return { host: { start }, receive };
}
