import type { WebSocket } from "ws";
import { transportCore, type Transport } from "../../common/rpc/transport";

/**
 * One WebSocket connection as a Transport: each text frame is one JSON
 * message. Frames that are not JSON are passed on as their raw text, so the
 * router answers them with BAD_MESSAGE like any other malformed message.
 */
export function wsTransport(socket: WebSocket): Transport {
  const core = transportCore();
  socket.on("message", (data, isBinary) => {
    if (isBinary) return core.receive("(binary frame)");
    const text = data.toString();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    core.receive(parsed);
  });
  // A protocol error (e.g. a frame over maxPayload): ws has already sent the close
  // (1009) and ends the socket; without a listener it would also throw the error
  // as an uncaught exception and take the whole server down.
  socket.on("error", () => {});
  socket.on("close", () => void core.shut());
  return {
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage: core.onMessage,
    onClose: core.onClose,
    close: () => socket.close(),
  };
}
