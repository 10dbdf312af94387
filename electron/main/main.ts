import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, protocol, session, type MessagePortMain, type WebContents } from "electron";
import type { CoreState } from "../common/contract";
import { resolveDataDir } from "../common/data-dir";
import { createAppProtocolHandler } from "./app-protocol";
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from "./app-scheme";
import { coreEnv, parseDataDirFlag } from "./args";
import { CORE_STATE_CHANNEL, REQUEST_PORT_CHANNEL } from "../common/ipc-channels";
import { createCoreConnections } from "./core-connection";
import { linkCore, utilityPipe, type CoreLink } from "./core-link";
import { waitForCorePolicy } from "./core-policy";
import { pipeTransport } from "../common/rpc/ports";
import { openDialogOptions, saveDialogOptions } from "./file-dialog";
import { DROPPED_PATHS_CHANNEL, PICK_PATHS_CHANNEL, PICK_SAVE_PATH_CHANNEL, PickPathsRequest } from "../common/desktop";
import { createGrantRelay, dialogRoots, droppedRoots, saveRoot } from "./path-grants";
import { hardenSession, hardenWebContents } from "./harden";
import { isTrustedSender, validatedIpc } from "./ipc-guard";
import { applicationMenuTemplate } from "./menu";
import { setupSingleInstance } from "./single-instance";
import { createSupervisor } from "./supervisor";
import { forkModelWorker, utilityProcessHost } from "./utility-host";
import { hardenedWebPreferences } from "./web-preferences";

/**
 * Electron main: wiring only. Every decision is a pure function in a file
 * beside this one, with its test. Paths are relative to dist/main/.
 */
const WINDOW_TITLE = "GovDesk 政务助手";
const log = (line: string): void => console.log(`[main] ${line}`);

// Everything before "ready": name, data directory, sandbox, scheme.
app.setName("GovDesk");
const { dir: dataDir, source } = resolveDataDir({
  platform: process.platform,
  env: process.env,
  home: app.getPath("home"),
  flag: parseDataDirFlag(process.argv),
});
mkdirSync(dataDir, { recursive: true });
app.setPath("userData", dataDir);
// Chromium's own files (cache, local storage, GPU cache) in a subfolder, apart from ours.
app.setPath("sessionData", join(dataDir, "chromium"));
app.enableSandbox(); // checklist #4: every renderer sandboxed, whatever its webPreferences
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, log));

let mainWindow: BrowserWindow | null = null;
if (setupSingleInstance(app, () => mainWindow)) run();

function kindOf(path: string): "file" | "folder" | null {
  try {
    const st = statSync(path);
    return st.isDirectory() ? "folder" : st.isFile() ? "file" : null;
  } catch {
    return null;
  }
}

function run(): void {
  log(`data directory ${dataDir} (${source})`);
  let coreState: CoreState = { state: "starting", attempt: 0 };
  let quitting = false;
  const connections = createCoreConnections<MessagePortMain, WebContents>(() => new MessageChannelMain(), log);
  // The running core's link (common/host-contract.ts): it asks main to start model workers,
  // main hands it windows' ports and what the user chose in the dialog or dropped on the window.
  let core: CoreLink<MessagePortMain> | null = null;
  const grants = createGrantRelay({ send: (roots) => core?.grant(roots) ?? null, log });
  // DevTools only where the admin policy allows them, as the core read it (policy.desktop).
  const corePolicy = waitForCorePolicy({ log });
  const supervisor = createSupervisor({
    host: utilityProcessHost({
      modulePath: join(__dirname, "../core/core.mjs"),
      args: ["--data-dir", dataDir, "--host", "electron"],
      serviceName: "GovDesk Core",
      env: coreEnv(process.env, app.isPackaged),
      log,
    }),
    onChild: (child) => {
      const link = linkCore<MessagePortMain>(pipeTransport(utilityPipe(child)), {
        fork: (env) => forkModelWorker(join(__dirname, "../worker/model-worker.mjs"), env),
        newChannel: () => new MessageChannelMain(),
        log,
      });
      core = link;
      link.desktopPolicy().then(
        (policy) => corePolicy.report(policy),
        (e: unknown) => log(`policy: the core did not answer policy.desktop: ${e instanceof Error ? e.message : String(e)}`),
      );
      grants.coreStarted();
      connections.coreStarted({ connect: (port) => link.connectRenderer(port) });
    },
    onState: (state) => {
      if (state.state !== "running") {
        connections.coreStopped();
        core?.killWorkers();
        core = null;
      }
      coreState = state;
      sendState(state);
      if (state.state === "failed" && !quitting) void offerRetry(state);
    },
    log,
  });

  function sendState(state: CoreState): void {
    const contents = mainWindow?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(CORE_STATE_CHANNEL, state);
  }

  async function offerRetry(state: CoreState): Promise<void> {
    const options = {
      type: "error" as const,
      title: WINDOW_TITLE,
      message: "核心服务无法运行",
      detail: `${state.message ?? "核心服务多次意外退出。"}\n\n可以点击“重试”再次启动；如果问题持续出现，请联系本单位信息技术部门。`,
      buttons: ["重试", "关闭"],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    if (response === 0 && !quitting) supervisor.start();
  }

  // Only our page in the main frame of our window may talk to main (security checklist #17).
  const ipc = validatedIpc(
    ipcMain,
    (event) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      return win && win === mainWindow && isTrustedSender(event.senderFrame, win.webContents.mainFrame) ? win : null;
    },
    log,
  );

  // The preload asks for a port when it loads (first load, reload).
  ipc.on(REQUEST_PORT_CHANNEL, (win) => {
    connections.portRequested(win.webContents);
    win.webContents.send(CORE_STATE_CHANNEL, coreState);
  });

  // The native file dialog for the page (import a model, add documents): the request validated too.
  ipc.handle(PICK_PATHS_CHANNEL, [] as string[], async (win, raw) => {
    const options = openDialogOptions(raw);
    if (!options) {
      log(`ipc: refused ${PICK_PATHS_CHANNEL}: invalid request`);
      return [];
    }
    const result = await dialog.showOpenDialog(win, options);
    if (result.canceled) return [];
    await grants.grant(dialogRoots(result.filePaths, PickPathsRequest.parse(raw).kind));
    return result.filePaths;
  });

  // The native save dialog (exports): the one path chosen there, overwrite confirmed, may be written once.
  ipc.handle(PICK_SAVE_PATH_CHANNEL, null as string | null, async (win, raw) => {
    const options = saveDialogOptions(raw);
    if (!options) {
      log(`ipc: refused ${PICK_SAVE_PATH_CHANNEL}: invalid request`);
      return null;
    }
    const result = await dialog.showSaveDialog(win, options);
    if (result.canceled || !result.filePath) return null;
    await grants.grant([saveRoot(result.filePath)]);
    return result.filePath;
  });

  // Files dropped on the window: the preload read their paths from the File objects (webUtils).
  ipc.handle(DROPPED_PATHS_CHANNEL, [] as string[], async (_win, raw) => {
    const roots = droppedRoots(raw, kindOf);
    await grants.grant(roots);
    return roots.map((r) => r.path);
  });

  function createWindow(devtools: boolean): void {
    const win = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: WINDOW_TITLE,
      autoHideMenuBar: true,
      backgroundColor: "#ffffff",
      webPreferences: hardenedWebPreferences(join(__dirname, "../preload/preload.cjs"), { devtools }),
    });
    const contents = win.webContents;
    win.on("page-title-updated", (event) => event.preventDefault()); // keep the product name
    win.once("ready-to-show", () => win.show());
    contents.on("render-process-gone", (_event, details) => log(`renderer gone: ${details.reason}`));
    connections.addRenderer(contents);
    win.on("closed", () => {
      connections.removeRenderer(contents);
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    void win.loadURL(APP_ENTRY_URL);
  }

  app.on("window-all-closed", () => app.quit());
  app.on("before-quit", () => {
    quitting = true;
    void supervisor.stop();
  });

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: join(__dirname, "../renderer"), log }));
    supervisor.start();
    const { devtools } = await corePolicy.ready;
    if (devtools) log("policy: DevTools allowed by the admin policy (developer.devtools)");
    const menu = applicationMenuTemplate(process.platform, devtools);
    if (menu !== "default") Menu.setApplicationMenu(menu && Menu.buildFromTemplate(menu));
    hardenSession(session.defaultSession, { devtools, log });
    createWindow(devtools);
  });
}
