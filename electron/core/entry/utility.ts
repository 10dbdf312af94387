import { CORE_POLICY_TYPE, type CorePolicyMessage } from "../../common/core-policy";
import { CONNECT_MESSAGE } from "../../common/ipc-channels";
import { GRANT_PATHS_DONE_TYPE, GrantPathsMessage } from "../../common/path-grants";
import { createCore } from "../core";
import { devtoolsAllowed } from "../security/services";
import { createPortHost } from "../llm/electron-host";
import { setProcessHost } from "../llm/process-host";
import { parseCoreArgs } from "./args";
import { portTransport, type PortLike } from "./port-transport";

/**
 * Entry of the core when Electron main starts it with utilityProcess.fork.
 * Main sends `{type: "connect"}` with a MessagePort for each window (and
 * again after a restart); every port gets the full contract.
 */
interface ParentPort {
  on(event: "message", listener: (e: { data: unknown; ports: PortLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  process.stderr.write("core: must be started by GovDesk (utilityProcess); use `govdesk` for the command line\n");
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
// Model workers: main starts them (utilityProcess) and hands us a port to each.
const workerHost = createPortHost((message) => parentPort.postMessage(message));
setProcessHost(workerHost.host);
const core = createCore({ ...parseCoreArgs(process.argv.slice(2)), log });
// Main opens the window only once it knows whether the policy allows DevTools.
const policy: CorePolicyMessage = { type: CORE_POLICY_TYPE, devtools: devtoolsAllowed({ store: core.store, onClose: () => {} }) };
parentPort.postMessage(policy);

parentPort.on("message", (e) => {
  const data = e.data as { type?: unknown } | null;
  const port = e.ports[0];
  // Renderer ports are untrusted: the core's path guard applies to them.
  if (data?.type === CONNECT_MESSAGE.type && port) core.router.attach(portTransport(port));
  else if (data?.type === GrantPathsMessage.shape.type.value) grant(e.data);
  else if (!workerHost.receive(e.data, e.ports)) log("core: ignored unexpected message from main");
});

/** Main says the user chose these paths (dialog, drop): the UI may name them from now on. */
function grant(raw: unknown): void {
  const msg = GrantPathsMessage.safeParse(raw);
  if (!msg.success) {
    log("core: ignored a malformed path grant");
    return;
  }
  core.grantPaths(msg.data.roots);
  parentPort!.postMessage({ type: GRANT_PATHS_DONE_TYPE, id: msg.data.id });
}

// utilityProcess.kill() sends SIGTERM on Linux/macOS, and "exit" handlers do not
// run on a signal: close the database (WAL checkpoint) before leaving.
const shutdown = () => void core.close().finally(() => process.exit(0));
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
log(`core: ready, pid ${process.pid}, data ${core.dataDir}`);
