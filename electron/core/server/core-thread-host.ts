import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { pipeTransport } from "../../common/rpc/ports";
import type { Transport } from "../../common/rpc/transport";
import { threadPipe } from "../rpc/node-pipes";
import type { CoreThreadData, FromCoreThread, ToCoreThread } from "./core-thread-messages";
import { deferred } from "../../common/deferred";

/**
 * `govdesk serve`'s core, opened in a worker thread of the serve process.
 * Opening the core (loading its modules, the database, migrations) takes a
 * few hundred milliseconds of synchronous work, and some calls take longer
 * (a first search loads the vector index); in the thread that also serves the
 * page, every file the browser asks for in that time waits for it (issue 15:
 * start-up). Browser connections are relayed to the thread over MessagePorts,
 * one per WebSocket.
 */
export interface CoreThread {
  /** Resolves once the core is open; rejects with the core's own error when it cannot open. */
  readonly ready: Promise<void>;
  /** Rejects when the thread ends on its own after it was ready (a crash). */
  readonly died: Promise<never>;
  /** Hands one browser connection to the core's router. */
  attach(transport: Transport): void;
  /** Closes the core (jobs, database) and ends the thread; idempotent. */
  close(): Promise<void>;
}

/** An error from the core thread, with the code and detail the CLI prints (see cli/errors.ts). */
export class CoreThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** From the bundle, dist/cli/core-thread.mjs beside this chunk; from source, through tsx. */
function threadEntry(): { file: string; entry?: string } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return { file: join(dirname(here), "core-thread-boot.mjs"), entry: pathToFileURL(join(dirname(here), "core-thread.ts")).href };
  const bundled = join(dirname(here), "core-thread.mjs");
  if (!existsSync(bundled)) throw new Error(`serve: ${bundled} is missing; run npm run build`);
  return { file: bundled };
}

export function startCoreThread(data: CoreThreadData): CoreThread {
  const { file, entry } = threadEntry();
  const worker = new Worker(file, { workerData: { ...data, ...(entry ? { entry } : {}) } });
  let state: "opening" | "ready" | "closing" | "gone" = "opening";
  const ready = deferred<void>();
  const died = deferred<never>();
  const gone = deferred<void>();
  died.promise.catch(() => {}); // only a caller that awaits it cares

  worker.on("message", (m: FromCoreThread) => {
    if (m.type === "ready") {
      state = "ready";
      ready.resolve();
    } else if (m.type === "failed") {
      state = "gone";
      ready.reject(new CoreThreadError(m.message, m.code, m.detail));
    } else if (m.type === "closed") {
      gone.resolve();
    }
  });
  const ended = (e: Error): void => {
    if (state === "opening") ready.reject(e);
    if (state === "ready") died.reject(e);
    state = "gone";
    gone.resolve();
  };
  worker.on("error", ended);
  worker.on("exit", (code) => ended(new Error(`serve: the core thread ended (exit code ${code})`)));

  let closing: Promise<void> | null = null;
  return {
    ready: ready.promise,
    died: died.promise,
    attach(transport) {
      if (state !== "ready") return transport.close();
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ type: "connect", port: port2 } satisfies ToCoreThread & { port: MessagePort }, [port2]);
      const relay = pipeTransport(threadPipe(port1, "close", () => port1.close()));
      transport.onMessage((m) => {
        try {
          relay.send(m);
        } catch {
          transport.close(); // the thread's end is gone
        }
      });
      relay.onMessage((m) => transport.send(m));
      transport.onClose(() => relay.close());
      relay.onClose(() => transport.close());
    },
    close() {
      // A core still opening is let finish, then closed (a thread stopped mid-migration would leave work half done).
      closing ??= ready.promise
        .then(
          () => {
            if (state !== "ready") return;
            state = "closing";
            worker.postMessage({ type: "close" } satisfies ToCoreThread);
            return gone.promise;
          },
          () => {},
        )
        .then(() => worker.terminate())
        .then(() => {});
      return closing;
    },
  };
}
