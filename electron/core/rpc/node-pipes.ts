import { NO_PORTS } from "../../common/rpc/transport";
import type { Pipe } from "../../common/rpc/ports";

/**
 * Node's own pipes as common/rpc Pipes (see ports.ts for Electron's and the
 * DOM's): child_process IPC and worker_threads. Kept in core because they
 * name Node's shapes; common stays free of Node.
 */

/** This process's IPC channel to the parent that forked it (child_process.fork). */
export function parentProcessPipe(proc: NodeJS.Process = process): Pipe {
  if (!proc.send) throw new Error("no parent IPC channel (not started with child_process.fork)");
  return {
    post: (m) => void proc.send?.(m as object),
    listen: (listener) => void proc.on("message", (m: unknown) => listener(m, NO_PORTS)),
    onEnd: (listener) => void proc.once("disconnect", listener),
  };
}

/** The shape shared by a worker_threads Worker, a MessagePort and `parentPort`. */
export interface ThreadPortLike {
  postMessage(message: unknown, transfer?: readonly never[]): void;
  on(event: "message", listener: (message: unknown) => void): unknown;
  once(event: string, listener: () => void): unknown;
}

/**
 * A worker thread (from its owner's side: `end` is "exit") or a thread's
 * parentPort / a MessagePort (`end` is "close"). Threads pass values, not
 * {data} events, and carry no ports here.
 */
export function threadPipe(port: ThreadPortLike, end: "exit" | "close", close?: () => void): Pipe {
  return {
    post: (m) => port.postMessage(m),
    listen: (listener) => void port.on("message", (m) => listener(m, NO_PORTS)),
    onEnd: (listener) => void port.once(end, listener),
    ...(close ? { close } : {}),
  };
}
