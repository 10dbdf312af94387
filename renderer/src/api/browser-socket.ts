import type { Connector } from "./reconnect";

/**
 * The real WebSocket behind the reconnect loop (the only place the renderer
 * constructs one). Only text frames carry protocol messages; an `error`
 * event is always followed by `close`, which is what the loop acts on.
 */
export function browserConnector(url: string): Connector {
  return (handlers) => {
    const ws = new WebSocket(url);
    ws.onopen = () => handlers.onOpen();
    ws.onmessage = (ev: MessageEvent<unknown>) => {
      if (typeof ev.data === "string") handlers.onText(ev.data);
    };
    ws.onclose = () => handlers.onClose();
    return {
      send: (text) => ws.send(text),
      close: () => ws.close(),
    };
  };
}
