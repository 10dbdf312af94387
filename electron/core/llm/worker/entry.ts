/**
 * The model worker: a process of its own running node-llama-cpp, so that a
 * malformed GGUF or a driver fault that aborts llama.cpp takes down only this
 * process. Started by the core through a ProcessHost (child_process.fork under
 * Node; under Electron main starts it as a utilityProcess and hands it the
 * core's port). Serves ../worker-contract.ts with the common router and jobs.
 */
import { createRouter, type Router } from "../../../common/rpc/router";
import { electronPortPipe, pipeTransport, type ElectronPortLike } from "../../../common/rpc/ports";
import { portContract } from "../../../common/rpc/port-contract";
import type { Transport } from "../../../common/rpc/transport";
import { JobManager } from "../../rpc/jobs";
import { parentProcessPipe } from "../../rpc/node-pipes";
import { workerContract, type WorkerContract } from "../worker-contract";
import { workerHandlers } from "./handlers";

let router: Router<WorkerContract> | null = null;
const jobs = new JobManager({
  progress: (p) => router?.emit("job.progress", p),
  finished: (f) => router?.emit("job.finished", f),
});
const handlers = workerHandlers(
  {
    log: (line) => router?.emit("llm.log", { line }),
    chunk: (jobId, c) => router?.emit("llm.chunk", { jobId, ...c }),
  },
  jobs,
  process.env["GOVDESK_LLAMA_GPU"] ?? "auto",
);
const log = (line: string): void => void process.stderr.write(`model worker: ${line}\n`);
router = createRouter(workerContract, handlers, { jobs, log, name: "模型进程" });

const parentPort = (process as NodeJS.Process & { parentPort?: ElectronPortLike }).parentPort;
if (parentPort) {
  // Electron: main calls port.connect on our parentPort with our end of the channel to the core.
  let connected = false;
  const fromMain = pipeTransport(electronPortPipe(parentPort));
  createRouter(portContract, {
    "port.connect": (_input, ctx) => {
      if (connected) return {};
      connected = true;
      serve(pipeTransport(electronPortPipe(ctx.ports[0] as ElectronPortLike)));
      return {};
    },
  }).attach(fromMain, { trusted: true });
} else {
  // child_process.fork (CLI, serve, tests): the IPC channel is the core.
  const toCore = pipeTransport(parentProcessPipe());
  // The core is gone (exited or crashed): nobody will ask for anything again.
  toCore.onClose(() => process.exit(0));
  serve(toCore);
}

function serve(transport: Transport): void {
  router!.attach(transport, { trusted: true });
}
