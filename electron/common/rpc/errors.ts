import { RpcError, type WireError } from "./wire";

/**
 * Turns anything thrown by a handler into a wire error. Errors meant for the
 * user are RpcErrors with a Chinese message; anything else is a bug, shown
 * as a generic message with the technical text as detail.
 */
export function toWireError(e: unknown): WireError {
  if (e instanceof RpcError) return e.toWire();
  const detail = e instanceof Error ? e.message : String(e);
  return { code: "INTERNAL", message: "核心服务内部错误，请重试；如反复出现请联系管理员", detail };
}
