/**
 * Electron IPC channel names shared by main and preload (they may not import
 * each other). Only these three exist (plus desktop.ts's dialog and drop):
 * the RPC itself runs over a MessagePort, never over ipcMain/ipcRenderer;
 * main↔core is common/host-contract.ts.
 */
/** main -> renderer: a MessagePort to the core (again after each core restart). */
export const CORE_PORT_CHANNEL = "govdesk:core-port";
/** main -> renderer: CoreState of the supervised core process. */
export const CORE_STATE_CHANNEL = "govdesk:core-state";
/** renderer -> main: "send me a port" (on load and after a reload); sender checked. */
export const REQUEST_PORT_CHANNEL = "govdesk:request-port";
