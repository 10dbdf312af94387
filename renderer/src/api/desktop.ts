import type { PickPathsRequest } from "../../../electron/common/desktop";

/**
 * The native file dialog where the desktop shell offers one. Under `govdesk
 * serve` there is none: callers show a path box only (hasFileDialog false).
 */
export const hasFileDialog: boolean = typeof window !== "undefined" && window.desktop !== undefined;

/** The chosen absolute paths; empty when cancelled or when there is no dialog. */
export async function pickPaths(request: PickPathsRequest): Promise<string[]> {
  return window.desktop ? window.desktop.pickPaths(request) : [];
}
