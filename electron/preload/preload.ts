import "./zod-jitless"; // first: before any schema is built
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { CORE_PORT_CHANNEL, CORE_STATE_CHANNEL, REQUEST_PORT_CHANNEL } from "../common/ipc-channels";
import { DROPPED_PATHS_CHANNEL, PICK_PATHS_CHANNEL, PICK_SAVE_PATH_CHANNEL } from "../common/desktop";
import { createPreloadBridge } from "./bridge";
import { createDesktopBridge } from "./desktop";

/*
 * Sandboxed preload (bundled to dist/preload/preload.cjs; it may require
 * only "electron"). Exposes window.api = { call, on } and nothing else: no
 * ipcRenderer, no Node objects (security checklist #3/#20: do not expose
 * Electron APIs to untrusted content).
 */
const bridge = createPreloadBridge({ onInvalid: (why) => console.warn(`[preload] ${why}`) });

// Only main can send to a renderer over ipcRenderer, so these messages are main's.
ipcRenderer.on(CORE_PORT_CHANNEL, (event) => {
  const port = event.ports[0];
  if (port) bridge.attachPort(port);
});
ipcRenderer.on(CORE_STATE_CHANNEL, (_event, state: unknown) => bridge.receiveCoreState(state));

contextBridge.exposeInMainWorld("api", bridge.api);
// The native file dialog and dropped files only; paths come from the user's choice (see main/file-dialog.ts).
contextBridge.exposeInMainWorld(
  "desktop",
  createDesktopBridge({
    pick: (request) => ipcRenderer.invoke(PICK_PATHS_CHANNEL, request),
    pickSave: (request) => ipcRenderer.invoke(PICK_SAVE_PATH_CHANNEL, request),
    dropped: (paths) => ipcRenderer.invoke(DROPPED_PATHS_CHANNEL, paths),
    pathForFile: (file) => webUtils.getPathForFile(file),
  }),
);

// Ask for a port now: on a reload main would not otherwise know we need one.
ipcRenderer.send(REQUEST_PORT_CHANNEL);
