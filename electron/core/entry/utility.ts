import { electronPortPipe, pipeTransport, type ElectronPortLike } from "../../common/rpc/ports";
import { createCore } from "../core";
import { parseCoreArgs } from "./args";
import { createHostLink } from "./host-link";

/**
 * Entry of the core when Electron main starts it with utilityProcess.fork.
 * Main and the core talk over the parentPort through common/host-contract.ts:
 * main hands over a MessagePort for each window (and again after a restart),
 * path grants, and ports to the model workers it starts for the core.
 */
const parentPort = (process as NodeJS.Process & { parentPort?: ElectronPortLike }).parentPort;
if (!parentPort) {
  process.stderr.write("core: must be started by GovDesk (utilityProcess); use `govdesk` for the command line\n");
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const link = createHostLink(pipeTransport(electronPortPipe(parentPort)), { log });
const core = createCore({ ...parseCoreArgs(process.argv.slice(2)), log, workerHost: link.workerHost });
link.serve(core);

// utilityProcess.kill() sends SIGTERM on Linux/macOS, and "exit" handlers do not
// run on a signal: close the database (WAL checkpoint) before leaving.
const shutdown = () => void core.close().finally(() => process.exit(0));
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
log(`core: ready, pid ${process.pid}, data ${core.dataDir}`);
