import { APP_ORIGIN } from "./app-scheme";

/**
 * The parts of an Electron WebFrameMain the guard looks at. Real frames
 * (event.senderFrame, webContents.mainFrame) have all of these.
 */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: FrameLike | null;
  readonly detached?: boolean;
}

/**
 * Security checklist #17 "Validate the sender of all IPC messages": a message
 * is trusted only if it comes from the main frame of one of our own windows
 * (same object, or same process and routing id) and that frame currently
 * shows our own page. An iframe, a frame that navigated elsewhere, a detached
 * or destroyed frame (senderFrame is null then) and file:// pages are refused.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, expected: FrameLike | null | undefined): boolean {
  if (!frame || !expected) return false;
  if (frame.detached || frame.parent !== null) return false;
  const same = frame === expected || (frame.processId === expected.processId && frame.routingId === expected.routingId);
  if (!same) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

/** The parts of an IPC event the guard reads. */
export interface IpcEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null | undefined;
}

/** Electron's ipcMain as far as the guard needs it. */
export interface IpcMainLike<E extends IpcEventLike> {
  on(channel: string, listener: (event: E, ...args: unknown[]) => void): unknown;
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): unknown;
}

export interface ValidatedIpc<W> {
  /** A message from the trusted window only; others are refused and logged. */
  on(channel: string, listener: (win: W, ...args: unknown[]) => void): void;
  /** An invoke from the trusted window only; others get `refused` and are logged. */
  handle<T>(channel: string, refused: T, listener: (win: W, ...args: unknown[]) => Promise<T> | T): void;
}

/**
 * ipcMain with the sender checked once for every channel (after VS Code's
 * validated ipcMain): `trustedWindow` says which window an event came from
 * if it may talk to main at all (our window, our page, its main frame).
 */
export function validatedIpc<E extends IpcEventLike, W>(ipc: IpcMainLike<E>, trustedWindow: (event: E) => W | null, log: (line: string) => void): ValidatedIpc<W> {
  const refuse = (channel: string, event: E): void => log(`ipc: refused ${channel} from ${event.senderFrame?.url.slice(0, 200) ?? "(gone frame)"}`);
  return {
    on(channel, listener) {
      ipc.on(channel, (event, ...args) => {
        const win = trustedWindow(event);
        if (win === null) return refuse(channel, event);
        listener(win, ...args);
      });
    },
    handle(channel, refused, listener) {
      ipc.handle(channel, (event, ...args) => {
        const win = trustedWindow(event);
        if (win === null) {
          refuse(channel, event);
          return refused;
        }
        return listener(win, ...args);
      });
    },
  };
}
