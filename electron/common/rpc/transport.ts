/**
 * A message pipe between two processes (or two halves of one, in tests).
 * Messages are plain structured-cloneable values; the receiving side
 * validates them against the wire schemas before trusting them.
 */
export interface Transport {
  send(message: unknown): void;
  /** Returns an unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Called once when the pipe is gone (peer exited, socket closed). */
  onClose(listener: () => void): () => void;
  close(): void;
}

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
 * Two connected in-memory transports. Messages are structured-cloned and
 * delivered on a later microtask, like a real port, so tests see the same
 * asynchrony and copying as the real boundary.
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
  closed: boolean;
  messages: ReturnType<typeof listenerSet<[unknown]>>;
  closes: ReturnType<typeof listenerSet<[]>>;
  transport: Transport;
}

function memoryEnd(): MemoryEnd {
  const end: MemoryEnd = {
    peer: null,
    closed: false,
    messages: listenerSet<[unknown]>(),
    closes: listenerSet<[]>(),
    transport: {
      send(message) {
        const peer = end.peer;
        if (end.closed || !peer || peer.closed) return;
        const copy = structuredClone(message);
        queueMicrotask(() => {
          if (!peer.closed) peer.messages.emit(copy);
        });
      },
      onMessage: (l) => end.messages.add(l),
      onClose: (l) => end.closes.add(l),
      close() {
        shut(end);
        if (end.peer) shut(end.peer);
      },
    },
  };
  return end;
}

function shut(end: MemoryEnd): void {
  if (end.closed) return;
  end.closed = true;
  queueMicrotask(() => {
    end.closes.emit();
    end.messages.clear();
    end.closes.clear();
  });
}
