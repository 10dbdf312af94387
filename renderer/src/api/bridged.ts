import type { RpcClient } from "../../../electron/common/rpc/client";
import { ErrorCode, RpcError } from "../../../electron/common/rpc/wire";
import type { Contract } from "../../../electron/common/contract";

/**
 * An error as it comes back through Electron's contextBridge: the bridge
 * copies plain objects, so the preload rejects with {name, code, message,
 * detail} (preload/bridge.ts toBridgeError). This turns it back into the
 * RpcError the WebSocket client gives, so screens see one error type with its
 * code (a model worker's MODEL_LOAD_FAILED reaches them like any other).
 */
export function fromBridgeError(e: unknown): unknown {
  if (e instanceof RpcError || typeof e !== "object" || e === null) return e;
  const { name, code, message, detail } = e as { name?: unknown; code?: unknown; message?: unknown; detail?: unknown };
  const known = ErrorCode.safeParse(code);
  if (name !== "RpcError" || !known.success || typeof message !== "string") return e;
  return new RpcError(known.data, message, typeof detail === "string" ? detail : undefined);
}

/** window.api with errors restored to RpcErrors. */
export function bridgedClient(api: RpcClient<Contract>): RpcClient<Contract> {
  const call = (method: string, input: unknown): Promise<unknown> =>
    (api.call as (m: string, i: unknown) => Promise<unknown>)(method, input).catch((e: unknown) => Promise.reject(fromBridgeError(e)));
  return { call, on: api.on } as RpcClient<Contract>;
}
