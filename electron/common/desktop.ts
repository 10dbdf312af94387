import { z } from "zod";

/**
 * What only the desktop shell can do for the page: the native file dialog,
 * and the paths of files dropped on the window. Under `govdesk serve` there
 * is no such thing and the UI takes a typed path. Exposed by the preload as
 * `window.desktop`, validated on both sides. Main grants the core access to
 * what these return (core/security/paths); nothing else lets the UI name a
 * file outside a knowledge base.
 */
export const PICK_PATHS_CHANNEL = "govdesk:pick-paths";
/** preload -> main: paths of dropped files, read by the preload from real File objects. */
export const DROPPED_PATHS_CHANNEL = "govdesk:dropped-paths";
/** preload -> main: the native save dialog; the one file chosen there may be written once. */
export const PICK_SAVE_PATH_CHANNEL = "govdesk:pick-save-path";

export const PickPathsRequest = z
  .object({
    kind: z.enum(["file", "folder"]),
    multiple: z.boolean().default(false),
    /** e.g. [{ name: "GGUF 模型", extensions: ["gguf"] }] */
    filters: z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/)).max(20) })).max(10).default([]),
    title: z.string().max(200).optional(),
  })
  .strict();
export type PickPathsRequest = z.input<typeof PickPathsRequest>;

/**
 * A save dialog: the page may suggest a file name (no folder: where to
 * save is the user's choice alone) and file types.
 */
export const PickSavePathRequest = z
  .object({
    defaultName: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[\\/]/.test(n) && n !== "." && n !== "..", "只能是文件名，不能包含文件夹"),
    filters: PickPathsRequest.shape.filters,
    title: z.string().max(200).optional(),
  })
  .strict();
export type PickSavePathRequest = z.input<typeof PickSavePathRequest>;

/** The absolute path the user chose to save to (overwrite confirmed in the dialog), or null when cancelled. */
export const PickSavePathResult = z.string().min(1).max(4096).nullable();

/** Absolute paths the user chose; empty when the dialog was cancelled. */
export const PickPathsResult = z.array(z.string().max(4096)).max(10_000);

/** At most this many dropped files at once (a drop of a whole folder's files is fine). */
export const MAX_DROPPED = 1000;
export const DroppedPaths = z.array(z.string().min(1).max(4096)).min(1).max(MAX_DROPPED);

export interface DesktopBridge {
  pickPaths(request: PickPathsRequest): Promise<string[]>;
  /**
   * Where to save a file, chosen in the native save dialog (which asks
   * before replacing an existing file). Only that path may then be written
   * by the core, once; null when the user cancelled.
   */
  pickSavePath(request: PickSavePathRequest): Promise<string | null>;
  /**
   * The absolute paths of files (or folders) dropped on the window, once main
   * has let the core use them; files not from the user's disk are left out.
   */
  droppedPaths(files: readonly File[]): Promise<string[]>;
}
