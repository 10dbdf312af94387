import { utilityProcess, type MessagePortMain } from "electron";
import type { ChildLike, ProcessHost } from "./supervisor";
import type { UtilityLike } from "./core-link";

/** The core as main sees it: a supervised child that accepts ports (main↔core: core-link.ts). */
export interface CoreChild extends ChildLike, UtilityLike<MessagePortMain> {}

export interface UtilityHostOptions {
  modulePath: string;
  args: string[];
  serviceName: string;
  /** The child's environment (args.ts coreEnv). */
  env: Record<string, string>;
  log: (line: string) => void;
}

/**
 * ProcessHost over Electron's utilityProcess (the only way to run Node code
 * with the RunAsNode fuse off). stdio is piped and drained into main's
 * stdout/stderr: an undrained pipe would eventually block the core.
 */
export function utilityProcessHost(options: UtilityHostOptions): ProcessHost<CoreChild> {
  return {
    start() {
      const proc = utilityProcess.fork(options.modulePath, options.args, {
        serviceName: options.serviceName,
        stdio: "pipe",
        env: options.env,
      });
      proc.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
      proc.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
      proc.on("error", (type, location) => options.log(`core: ${type} at ${location}`));
      return {
        get pid() {
          return proc.pid;
        },
        onSpawn: (listener) => void proc.once("spawn", listener),
        onExit: (listener) => void proc.once("exit", (code) => listener(code, null)),
        kill: () => void proc.kill(),
        postMessage: (message, transfer) => proc.postMessage(message, transfer),
        onMessage: (listener) => void proc.on("message", listener),
      };
    },
  };
}

/** A model worker as a utility process, started for the core (core-link.ts). */
export function forkModelWorker(modulePath: string, env: Record<string, string>): UtilityLike<MessagePortMain> {
  const proc = utilityProcess.fork(modulePath, [], {
    serviceName: "GovDesk Model",
    stdio: "pipe",
    env: { ...process.env, ...env },
  });
  proc.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  proc.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return {
    get pid() {
      return proc.pid;
    },
    postMessage: (message, ports) => proc.postMessage(message, ports),
    onMessage: (listener) => void proc.on("message", listener),
    onExit: (listener) => void proc.once("exit", (code) => listener(code, null)),
    kill: () => void proc.kill(),
  };
}
