import { z } from "zod";

/**
 * main -> core (utilityProcess parentPort): let the UI name these places
 * (the user chose them in the native dialog or dropped them on the window).
 * The core answers GrantPathsDone with the same id once they are in force,
 * and main only then hands the paths to the page, so the page's next call
 * cannot arrive first.
 */
export const GRANT_PATHS_TYPE = "grant-paths";
export const GRANT_PATHS_DONE_TYPE = "grant-paths.done";

/**
 * "file" and "tree" let the UI read a file or a folder's contents; "save" is
 * the one file the user chose in a save dialog, which the UI may then have
 * the core write, once. Nothing else is ever writable from the UI.
 */
export const GrantedRoot = z.object({ path: z.string().min(1).max(4096), scope: z.enum(["file", "tree", "save"]) }).strict();
export type GrantedRoot = z.infer<typeof GrantedRoot>;

export const GrantPathsMessage = z.object({ type: z.literal(GRANT_PATHS_TYPE), id: z.number().int(), roots: z.array(GrantedRoot).max(10_000) }).strict();
export type GrantPathsMessage = z.infer<typeof GrantPathsMessage>;

export const GrantPathsDone = z.object({ type: z.literal(GRANT_PATHS_DONE_TYPE), id: z.number().int() }).strict();
