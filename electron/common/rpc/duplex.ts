import type { Transport } from "./transport";

/**
 * One pipe used in both directions (main ↔ core): each side serves its own
 * contract and calls the other's. Requests (and anything malformed, which the
 * router answers with BAD_MESSAGE) go to the serving view; replies and events
 * go to the calling view, so neither side's client ever sees a request.
 */
export function splitDuplex(transport: Transport): { serving: Transport; calling: Transport } {
  const isAnswer = (m: unknown): boolean => {
    const type = typeof m === "object" && m !== null ? (m as { type?: unknown }).type : undefined;
    return type === "res" || type === "evt";
  };
  const view = (wanted: boolean): Transport => ({
    send: (message, transfer) => transport.send(message, transfer),
    onMessage: (listener) =>
      transport.onMessage((message, ports) => {
        if (isAnswer(message) === wanted) listener(message, ports);
      }),
    onClose: (listener) => transport.onClose(listener),
    close: () => transport.close(),
  });
  return { serving: view(false), calling: view(true) };
}
