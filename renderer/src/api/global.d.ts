import type { RpcClient } from "../../../electron/common/rpc/client";
import type { Contract } from "../../../electron/common/contract";
import type { DesktopBridge } from "../../../electron/common/desktop";

/**
 * Under Electron the sandboxed preload exposes the typed client as
 * `window.api`; under `govdesk serve` (a plain browser) it is absent and
 * renderer/src/api falls back to a WebSocket. Only renderer/src/api reads it.
 */
declare global {
  interface Window {
    api?: RpcClient<Contract>;
    /** Electron only: the native file dialog (absent under serve). */
    desktop?: DesktopBridge;
  }
}

export {};
