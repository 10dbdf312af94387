import type { CoreState } from "../../../electron/common/contract";
import type { SwitchableTransport } from "../../../electron/common/rpc/switchable";
import { transportCore, type Transport } from "../../../electron/common/rpc/transport";
import { backoffDelay, hasGivenUp } from "./backoff";

/** One socket, reduced to what the reconnect loop needs (tests fake it). */
export interface SocketConn {
  send(text: string): void;
  close(): void;
}
export interface SocketHandlers {
  onOpen(): void;
  /** A text frame; binary frames are not part of the protocol and never arrive here. */
  onText(text: string): void;
  /** Called once, whether the socket never opened or dropped later. */
  onClose(): void;
}
export type Connector = (handlers: SocketHandlers) => SocketConn;

export interface ReconnectOptions {
  connect: Connector;
  /** The client's transport; each open socket is attached to it as a JSON pipe. */
  target: SwitchableTransport;
  onState(state: CoreState): void;
}

const NOT_JSON = Symbol("not-json");

/** One wire message per text frame; anything that is not JSON is dropped. */
export function parseFrame(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * Keeps a socket to the core open: attaches it to the switchable transport
 * when it opens and, when it closes, retries with backoff while reporting
 * starting → running → restarting → failed. The client above never changes,
 * so subscribers survive reconnects; only in-flight calls fail.
 */
export function startReconnecting(opts: ReconnectOptions): { stop(): void } {
  let failures = 0;
  let everOpened = false;
  let stopped = false;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function open(): void {
    timer = undefined;
    const mine = ++generation;
    const core = transportCore();
    let isOpen = false;
    let ended = false;
    let conn: SocketConn | null = null;
    // Declared before connecting so a connector that opens synchronously still works.
    const pipe: Transport = {
      send: (m) => conn?.send(JSON.stringify(m)),
      onMessage: core.onMessage,
      onClose: core.onClose,
      close: () => conn?.close(),
    };
    const handlers: SocketHandlers = {
      onOpen() {
        if (ended || stopped || mine !== generation) return;
        isOpen = true;
        everOpened = true;
        failures = 0;
        opts.target.attach(pipe);
        opts.onState({ state: "running", attempt: 0 });
      },
      onText(text) {
        if (!isOpen || ended) return;
        const msg = parseFrame(text);
        if (msg !== NOT_JSON) core.receive(msg);
      },
      onClose() {
        if (ended) return;
        ended = true;
        core.shut();
        if (!stopped && mine === generation) retry(isOpen);
      },
    };
    try {
      conn = opts.connect(handlers);
    } catch {
      // A socket that cannot even be created counts as a failed attempt.
      ended = true;
      retry(false);
    }
  }

  function retry(wasOpen: boolean): void {
    if (!wasOpen) failures++;
    const attempt = failures + 1;
    const state = hasGivenUp(failures) ? "failed" : everOpened ? "restarting" : "starting";
    opts.onState({ state, attempt });
    timer = setTimeout(open, backoffDelay(attempt));
  }

  opts.onState({ state: "starting", attempt: 0 });
  open();
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      opts.target.detach();
    },
  };
}
