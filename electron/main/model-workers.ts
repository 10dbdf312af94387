import { CoreToMain, WORKER_CONNECT, type MainToCore } from "../common/worker-broker";

/**
 * Starts model workers for the core (DESIGN.md, "model worker"): under
 * Electron only main can create utility processes. For each request main
 * forks the worker, creates a channel, gives one end to the worker and the
 * other to the core, and reports the worker's exit; it relays no messages.
 * Generic over the port type so the test can use worker_threads.
 */
export interface WorkerLike<P> {
  readonly pid: number | undefined;
  postMessage(message: unknown, ports: P[]): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface BrokerOptions<P> {
  fork(env: Record<string, string>): WorkerLike<P>;
  newChannel(): { port1: P; port2: P };
  toCore(message: MainToCore, ports: P[]): void;
  log(line: string): void;
}

export interface ModelWorkerBroker {
  /** A message from the core's parentPort; false when it is not a worker request. */
  handle(data: unknown): boolean;
  /** The core is gone: its workers must not outlive it. */
  killAll(): void;
}

export function createModelWorkerBroker<P>(options: BrokerOptions<P>): ModelWorkerBroker {
  const workers = new Map<number, WorkerLike<P>>();
  return {
    handle(data) {
      const parsed = CoreToMain.safeParse(data);
      if (!parsed.success) return false;
      const msg = parsed.data;
      if (msg.type === "model-worker.kill") {
        workers.get(msg.id)?.kill();
        return true;
      }
      let worker: WorkerLike<P>;
      try {
        worker = options.fork(msg.env);
      } catch (e) {
        options.log(`model worker: cannot start: ${String(e)}`);
        options.toCore({ type: "model-worker.exit", id: msg.id, code: null }, []);
        return true;
      }
      workers.set(msg.id, worker);
      worker.onExit((code) => {
        workers.delete(msg.id);
        options.toCore({ type: "model-worker.exit", id: msg.id, code }, []);
      });
      const { port1, port2 } = options.newChannel();
      worker.postMessage(WORKER_CONNECT, [port1]);
      options.toCore({ type: "model-worker.started", id: msg.id, pid: worker.pid ?? null }, [port2]);
      return true;
    },
    killAll() {
      for (const w of workers.values()) w.kill();
      workers.clear();
    },
  };
}
