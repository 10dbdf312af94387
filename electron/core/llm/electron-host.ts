import { MainToCore, type CoreToMain } from "../../common/worker-broker";
import { workerProcessOverPort, type PortLike, type ProcessHost, type WorkerProcess } from "./process-host";

/**
 * A ProcessHost for the core running as Electron's utilityProcess: `start`
 * asks main (over the parentPort) to start a model worker, and the returned
 * WorkerProcess talks to it over the MessagePort main hands back. Messages
 * sent before the port arrives wait in order.
 */
export interface PortHost {
  host: ProcessHost;
  /** Feed messages from main here; returns false for messages that are not ours. */
  receive(data: unknown, ports: readonly PortLike[]): boolean;
}

interface Pending {
  queue: unknown[];
  port: PortLike | null;
  pid: number | undefined;
  messageListeners: ((m: unknown) => void)[];
  exitListeners: ((code: number | null, signal: string | null) => void)[];
  exited: boolean;
}

export function createPortHost(postToMain: (msg: CoreToMain) => void): PortHost {
  let nextId = 1;
  const workers = new Map<number, Pending>();

  function start(env: Record<string, string>): WorkerProcess {
    const id = nextId++;
    const w: Pending = { queue: [], port: null, pid: undefined, messageListeners: [], exitListeners: [], exited: false };
    workers.set(id, w);
    postToMain({ type: "model-worker.start", id, env });
    return {
      get pid() {
        return w.pid;
      },
      send(msg) {
        if (w.exited) return;
        if (w.port) w.port.postMessage(msg);
        else w.queue.push(msg);
      },
      onMessage: (fn) => void w.messageListeners.push(fn),
      onExit(fn) {
        if (w.exited) fn(null, null);
        else w.exitListeners.push(fn);
      },
      kill: () => postToMain({ type: "model-worker.kill", id }),
    };
  }

  function receive(data: unknown, ports: readonly PortLike[]): boolean {
    const parsed = MainToCore.safeParse(data);
    if (!parsed.success) return false;
    const msg = parsed.data;
    const w = workers.get(msg.id);
    if (!w) return true;
    if (msg.type === "model-worker.exit") {
      workers.delete(msg.id);
      w.exited = true;
      w.port?.close();
      for (const fn of w.exitListeners) fn(msg.code, null);
      return true;
    }
    const port = ports[0];
    if (!port) return true;
    w.pid = msg.pid ?? undefined;
    // Reuse the port adapter: it starts the port and forwards messages.
    const over = workerProcessOverPort({ port, pid: w.pid, onExit: () => {}, kill: () => {} });
    over.onMessage((m) => w.messageListeners.forEach((fn) => fn(m)));
    w.port = port;
    for (const m of w.queue.splice(0)) port.postMessage(m);
    return true;
  }

  return { host: { start }, receive };
}
