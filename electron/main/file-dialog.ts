import type { OpenDialogOptions } from "electron";
import { PickPathsRequest } from "../common/desktop";

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
