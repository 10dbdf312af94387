/**
 * A message pipe between two processes (or two halves of one, in tests).
 * Messages are plain structured-cloneable values; the receiving side
 * validates them against the wire schemas before trusting them. Pipes that
 * can carry MessagePorts (Electron's parentPort, worker_threads) pass them
 * as `transfer` when sending and hand them to listeners beside the message.
 */
export interface Transport {
  send(message: unknown, transfer?: readonly unknown[]): void;
  /** Returns an unsubscribe function. */
  onMessage(listener: MessageListener): () => void;
  /** Called once when the pipe is gone (peer exited, socket closed). */
  onClose(listener: () => void): () => void;
  close(): void;
}

/** A received message and the ports that came with it (none on most pipes). */
export type MessageListener = (message: unknown, ports: readonly unknown[]) => void;

export const NO_PORTS: readonly unknown[] = Object.freeze([]);

/** Small helper for transports: a listener set with unsubscribe. */
export function listenerSet<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => void>();
  return {
    add(listener: (...args: A) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(...args: A): void {
      for (const l of [...listeners]) l(...args);
    },
    clear(): void {
      listeners.clear();
    },
  };
}

/**
 * The bookkeeping every transport shares: message and close listeners, a
 * close that fires once. `receive` is what the pipe calls with each message.
 */
export function transportCore() {
  const messages = listenerSet<[unknown, readonly unknown[]]>();
  const closes = listenerSet<[]>();
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    receive(message: unknown, ports: readonly unknown[] = NO_PORTS): void {
      if (!closed) messages.emit(message, ports);
    },
    /** Marks the pipe gone and tells the close listeners, once. */
    shut(): boolean {
      if (closed) return false;
      closed = true;
      closes.emit();
      messages.clear();
      closes.clear();
      return true;
    },
    onMessage: (l: MessageListener) => messages.add(l),
    onClose: (l: () => void) => closes.add(l),
  };
}

/**
 * Two connected in-memory transports. Messages are structured-cloned and
 * delivered on a later microtask, like a real port, so tests see the same
 * asynchrony and copying as the real boundary. Transferred objects are
 * handed over as they are.
 */
export function createMemoryPair(): [Transport, Transport] {
  const a = memoryEnd();
  const b = memoryEnd();
  a.peer = b;
  b.peer = a;
  return [a.transport, b.transport];
}

interface MemoryEnd {
  peer: MemoryEnd | null;
  /** Set at close(); listeners hear of it on a later microtask, like a real port. */
  closing: boolean;
  core: ReturnType<typeof transportCore>;
  transport: Transport;
}

function memoryEnd(): MemoryEnd {
  const core = transportCore();
  const end: MemoryEnd = {
    peer: null,
    closing: false,
    core,
    transport: {
      send(message, transfer) {
        const peer = end.peer;
        if (end.closing || !peer || peer.closing) return;
        const copy = structuredClone(message);
        const ports = transfer?.length ? [...transfer] : NO_PORTS;
        queueMicrotask(() => {
          if (!peer.closing) peer.core.receive(copy, ports);
        });
      },
      onMessage: core.onMessage,
      onClose: core.onClose,
      close() {
        shutLater(end);
        if (end.peer) shutLater(end.peer);
      },
    },
  };
  return end;
}

function shutLater(end: MemoryEnd): void {
  if (end.closing) return;
  end.closing = true;
  queueMicrotask(() => end.core.shut());
}
