import { NO_PORTS, transportCore, type Transport } from "./transport";

/**
 * Every pipe the processes talk over, as one Transport: Electron's
 * MessagePortMain and utility parentPort (main↔core, core↔model worker), a
 * DOM MessagePort (preload↔core), Node's child_process IPC and worker_threads
 * (CLI/serve↔model worker, core↔extraction thread). Each kind of pipe is a
 * small `Pipe` adapter; the transport on top is the same for all.
 */
export interface Pipe {
  post(message: unknown, transfer?: readonly unknown[]): void;
  /** Every message that arrives, with the ports that rode along. */
  listen(listener: (message: unknown, ports: readonly unknown[]) => void): void;
  /** The pipe ended (peer exited, port closed); called at most once. */
  onEnd?(listener: () => void): void;
  /** Closes our end; omitted where the pipe cannot be closed (a process's own parent channel). */
  close?(): void;
}

export function pipeTransport(pipe: Pipe): Transport {
  const core = transportCore();
  pipe.listen((message, ports) => core.receive(message, ports));
  pipe.onEnd?.(() => core.shut());
  return {
    send(message, transfer) {
      if (core.closed) throw new Error("pipe closed");
      pipe.post(message, transfer);
    },
    onMessage: core.onMessage,
    onClose: core.onClose,
    close() {
      if (core.closed) return;
      pipe.close?.();
      core.shut();
    },
  };
}

/** Electron's MessagePortMain, and a utility process's `process.parentPort` (no start/close there). */
export interface ElectronPortLike {
  on(event: "message", listener: (e: { data: unknown; ports?: readonly unknown[] }) => void): unknown;
  on(event: "close", listener: () => void): unknown;
  postMessage(message: unknown, transfer?: unknown[]): void;
  start?(): void;
  close?(): void;
}

export function electronPortPipe(port: ElectronPortLike): Pipe {
  return {
    post: (m, transfer) => (transfer?.length ? port.postMessage(m, [...transfer]) : port.postMessage(m)),
    listen(listener) {
      port.on("message", (e) => listener(e.data, e.ports ?? NO_PORTS));
      port.start?.();
    },
    onEnd: (listener) => void port.on("close", listener),
    ...(port.close ? { close: () => port.close?.() } : {}),
  };
}

/** A DOM MessagePort (the preload's end of the renderer's channel to the core). */
export interface DomPortLike {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
  start(): void;
  close(): void;
}

export function domPortPipe(port: DomPortLike): Pipe {
  return {
    post: (m) => port.postMessage(m),
    listen(listener) {
      port.addEventListener("message", (event) => listener((event as { data?: unknown }).data, NO_PORTS));
      port.start();
    },
    // The peer closing (core exited, main dropped the channel) fires "close" on our end.
    onEnd: (listener) => port.addEventListener("close", () => listener()),
    close: () => port.close(),
  };
}
