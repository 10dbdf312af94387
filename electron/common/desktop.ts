import { z } from "zod";

/**
 * What only the desktop shell can do for the page: the native file dialog.
 * Under `govdesk serve` there is no such thing and the UI takes a typed path.
 * Exposed by the preload as `window.desktop`, validated on both sides.
 */
export const PICK_PATHS_CHANNEL = "govdesk:pick-paths";

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

/** Absolute paths the user chose; empty when the dialog was cancelled. */
export const PickPathsResult = z.array(z.string().max(4096)).max(10_000);

export interface DesktopBridge {
  pickPaths(request: PickPathsRequest): Promise<string[]>;
}
