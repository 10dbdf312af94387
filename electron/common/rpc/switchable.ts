import { listenerSet, type Transport } from "./transport";

/**
 * A transport whose underlying pipe can be replaced: the core is restarted
 * by its host (Electron main re-sends a port, the serve client reconnects a
 * socket) while the client and its subscribers stay the same. Messages sent
 * while no pipe is attached wait in a bounded queue.
 */
export interface SwitchableTransport extends Transport {
  attach(pipe: Transport): void;
  /** Drop the current pipe; pending calls fail through the client's onClose. */
  detach(): void;
  readonly attached: boolean;
}

const MAX_QUEUE = 256;

export function createSwitchableTransport(): SwitchableTransport {
  const messages = listenerSet<[unknown, readonly unknown[]]>();
  const closes = listenerSet<[]>();
  const queue: { message: unknown; transfer: readonly unknown[] | undefined }[] = [];
  let pipe: Transport | null = null;
  let unsubs: (() => void)[] = [];

  function detach(): void {
    if (!pipe) return;
    for (const u of unsubs) u();
    unsubs = [];
    const old = pipe;
    pipe = null;
    old.close();
    closes.emit();
  }

  return {
    get attached() {
      return pipe !== null;
    },
    attach(next) {
      detach();
      pipe = next;
      unsubs = [
        next.onMessage((m, ports) => messages.emit(m, ports)),
        next.onClose(() => {
          if (pipe === next) detach();
        }),
      ];
      for (const m of queue.splice(0)) next.send(m.message, m.transfer);
    },
    detach,
    send(message, transfer) {
      if (pipe) pipe.send(message, transfer);
      else if (queue.length < MAX_QUEUE) queue.push({ message, transfer });
      else throw new Error("transport queue full");
    },
    onMessage: (l) => messages.add(l),
    onClose: (l) => closes.add(l),
    close() {
      queue.length = 0;
      detach();
    },
  };
}
