import { listenerSet, type Transport } from "../../common/rpc/transport";

/**
 * The subset of Electron's MessagePortMain the core uses, declared here so the
 * core never imports "electron" (it runs under plain Node too).
 */
export interface PortLike {
  on(event: "message", listener: (e: { data: unknown }) => void): unknown;
  on(event: "close", listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function portTransport(port: PortLike): Transport {
  const messages = listenerSet<[unknown]>();
  const closes = listenerSet<[]>();
  port.on("message", (e) => messages.emit(e.data));
  port.on("close", () => {
    closes.emit();
    messages.clear();
    closes.clear();
  });
  port.start();
  return {
    send: (m) => port.postMessage(m),
    onMessage: (l) => messages.add(l),
    onClose: (l) => closes.add(l),
    close: () => port.close(),
  };
}
