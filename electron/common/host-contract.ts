import { z } from "zod";
import { lazySchema } from "./rpc/lazy-schema";
import { call, defineContract, Done, NoInput } from "./rpc/define";
import { portMethods } from "./rpc/port-contract";

/**
 * Electron main ↔ core, over the core's parentPort (utilityProcess): two
 * small contracts on one pipe, one per direction, with the same router,
 * client and validation as every other boundary (common/rpc/duplex.ts splits
 * the pipe). main relays nothing itself: it hands out MessagePorts.
 */

/**
 * A place the user chose (native dialog, drop): "file" and "tree" let the UI
 * read a file or a folder and what is under it; "save" is the one file the
 * user chose in a save dialog, which the UI may then have the core write,
 * once. Nothing else is ever writable from the UI.
 */
export const GrantedRoot = lazySchema(() => z.object({ path: z.string().min(1).max(4096), scope: z.enum(["file", "tree", "save"]) }).strict());
export type GrantedRoot = z.infer<typeof GrantedRoot>;

const WorkerId = z.number().int().positive();

/** What main must decide from the admin policy before it opens a window. */
export const DesktopPolicy = lazySchema(() => z.object({ devtools: z.boolean() }));
export type DesktopPolicy = z.infer<typeof DesktopPolicy>;

/** Served by the core; main calls it. */
export const coreHostContract = defineContract(
  {
    /** A window's end of a channel to the core (first load, reload, core restart); the core serves the UI contract on it. */
    ...portMethods,
    "paths.grant": call(
      "Let the UI name these places from now on (the user chose them); answers once they are in force",
      () => z.object({ roots: z.array(GrantedRoot).max(10_000) }).strict(),
      Done,
    ),
    "modelWorker.port": call("The core's end of the channel to a model worker main started for it", () => z.object({ id: WorkerId }).strict(), Done, { ports: 1 }),
    /** Main opens the window only once it knows this; an invalid policy never turns DevTools on. */
    "policy.desktop": call("What the admin policy decides about the desktop window: whether DevTools are allowed (developer.devtools)", NoInput, DesktopPolicy),
  },
  {},
);
export type CoreHostContract = typeof coreHostContract;

/**
 * Served by main; the core calls it. Under Electron only main may start
 * processes (utilityProcess; the RunAsNode fuse is off), so the core asks
 * main to start its model worker (DESIGN.md "model worker").
 */
export const mainHostContract = defineContract(
  {
    "modelWorker.start": call(
      "Start a model worker with this extra environment; its port follows as modelWorker.port",
      () => z.object({ id: WorkerId, env: z.record(z.string(), z.string()) }).strict(),
      () => z.object({ pid: z.number().int().nullable() }),
    ),
    "modelWorker.kill": call("Stop a model worker", () => z.object({ id: WorkerId }).strict(), () => z.object({ killed: z.boolean() })),
  },
  {
    "modelWorker.exited": lazySchema(() => z.object({ id: WorkerId, code: z.number().int().nullable() })),
  },
);
export type MainHostContract = typeof mainHostContract;
