import type { PickPathsRequest, PickSavePathRequest } from "../../../electron/common/desktop";

/**
 * The native file dialog where the desktop shell offers one. Under `govdesk
 * serve` there is none: callers show a path box only (hasFileDialog false).
 */
export const hasFileDialog: boolean = typeof window !== "undefined" && window.desktop !== undefined;

/** The chosen absolute paths; empty when cancelled or when there is no dialog. */
export async function pickPaths(request: PickPathsRequest): Promise<string[]> {
  return window.desktop ? window.desktop.pickPaths(request) : [];
}

/**
 * Where to save, chosen in the native save dialog (the desktop app). The
 * core writes from the UI only to a path chosen here; under serve there is
 * no dialog (null) and exports are downloads.
 */
export async function pickSavePath(request: PickSavePathRequest): Promise<string | null> {
  return window.desktop ? window.desktop.pickSavePath(request) : null;
}

/**
 * Paths of files dropped on the window, in the desktop app (the preload reads
 * them; main lets the core use them). A browser never tells a page where a
 * dropped file lies: under serve this is always empty.
 */
export async function droppedPaths(files: FileList | readonly File[]): Promise<string[]> {
  return window.desktop ? window.desktop.droppedPaths(Array.from(files)) : [];
}
