import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { pipeTransport } from "../../common/rpc/ports";
import { createCore, type Core } from "../core";
import { threadPipe } from "../rpc/node-pipes";
import type { CoreThreadData, FromCoreThread, ToCoreThread } from "./core-thread-messages";

/*
 * Entry of `govdesk serve`'s core thread (see core-thread-host.ts). The core
 * opens here, beside the thread that serves the page, so the page's files are
 * never held up by the database, migrations or module loading. Each browser
 * connection arrives as a MessagePort and is attached to the router like any
 * other transport.
 */
if (!parentPort) throw new Error("core-thread: must run as a worker thread");
const port = parentPort;
const data = workerData as CoreThreadData;
const post = (m: FromCoreThread): void => port.postMessage(m);
const log = data.debug ? (line: string) => process.stderr.write(`${line}\n`) : undefined;

/** The core, or null when it could not open: the owner is told why and this thread ends. */
function open(): Core | null {
  try {
    const core = createCore({ dataDir: data.dataDir, host: "serve", ...(log ? { log } : {}) });
    core.grantPaths(data.roots);
    return core;
  } catch (e) {
    const err = e as { message?: unknown; code?: unknown; detail?: unknown };
    post({
      type: "failed",
      message: typeof err.message === "string" ? err.message : String(e),
      ...(typeof err.code === "string" ? { code: err.code } : {}),
      ...(typeof err.detail === "string" ? { detail: err.detail } : {}),
    });
    return null;
  }
}

const core = open();
if (core) serve(core);
else port.close();

function serve(core: Core): void {
  port.on("message", (m: ToCoreThread & { port?: MessagePort }) => {
    if (m.type === "connect" && m.port) {
      const connection = m.port;
      core.router.attach(pipeTransport(threadPipe(connection, "close", () => connection.close())));
    } else if (m.type === "close") {
      void core.close().finally(() => {
        post({ type: "closed" });
        port.close();
      });
    }
  });
  post({ type: "ready" });
}
