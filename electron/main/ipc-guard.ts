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
