import { RpcError } from "../../../electron/common/rpc/wire";

/**
 * The text to show for a failed call. RpcError messages are written for
 * users (in Chinese) by the core; errors that crossed Electron's
 * contextBridge lose their class but keep `message`.
 */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof RpcError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return fallback;
}
