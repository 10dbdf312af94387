import type { OpenDialogOptions, SaveDialogOptions } from "electron";
import { PickPathsRequest, PickSavePathRequest } from "../common/desktop";

/**
 * The native open dialog's options for a validated page request. The page
 * can ask for files or folders and filters; it cannot preselect a path or
 * read anything: the paths come from the user's own choice in the dialog.
 */
export function openDialogOptions(raw: unknown): OpenDialogOptions | null {
  const parsed = PickPathsRequest.safeParse(raw);
  if (!parsed.success) return null;
  const r = parsed.data;
  const properties: OpenDialogOptions["properties"] = [r.kind === "folder" ? "openDirectory" : "openFile"];
  if (r.multiple) properties.push("multiSelections");
  const options: OpenDialogOptions = { properties };
  if (r.filters.length) options.filters = r.filters;
  if (r.title) options.title = r.title;
  return options;
}

/**
 * The native save dialog's options for a validated page request: a
 * suggested file name only (the folder is the user's choice), and the
 * dialog asks before replacing an existing file (showOverwriteConfirmation
 * for Linux; Windows and macOS always ask).
 */
export function saveDialogOptions(raw: unknown): SaveDialogOptions | null {
  const parsed = PickSavePathRequest.safeParse(raw);
  if (!parsed.success) return null;
  const r = parsed.data;
  const options: SaveDialogOptions = { defaultPath: r.defaultName, properties: ["showOverwriteConfirmation", "createDirectory"] };
  if (r.filters.length) options.filters = r.filters;
  if (r.title) options.title = r.title;
  return options;
}
