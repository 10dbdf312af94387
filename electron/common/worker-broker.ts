import { z } from "zod";

/**
 * Under Electron only main may start processes (utilityProcess; the RunAsNode
 * fuse is off), so the core asks main to start the model worker and gets a
 * MessagePort to it (DESIGN.md, "model worker"). These are the messages on
 * the core's parentPort for that; both sides validate them.
 */
export const CoreToMain = z.discriminatedUnion("type", [
  z.object({ type: z.literal("model-worker.start"), id: z.number().int(), env: z.record(z.string(), z.string()) }),
  z.object({ type: z.literal("model-worker.kill"), id: z.number().int() }),
]);
export type CoreToMain = z.infer<typeof CoreToMain>;

/** main -> core. `started` carries the core's end of a channel to the worker in its ports. */
export const MainToCore = z.discriminatedUnion("type", [
  z.object({ type: z.literal("model-worker.started"), id: z.number().int(), pid: z.number().int().nullable() }),
  z.object({ type: z.literal("model-worker.exit"), id: z.number().int(), code: z.number().int().nullable() }),
]);
export type MainToCore = z.infer<typeof MainToCore>;

/** main -> worker: the worker's end of the channel to the core rides in the ports. */
export const WORKER_CONNECT = Object.freeze({ type: "connect" as const });
