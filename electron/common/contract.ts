import { z } from "zod";
import { lazySchema } from "./rpc/lazy-schema";
import { call, defineContract, NoInput } from "./rpc/define";
import { JobInfo, jobEvents, jobMethods } from "./rpc/job-contract";
import { Settings, SettingsPatch } from "./settings";
import { knowledgeEvents, knowledgeMethods } from "./contracts/knowledge";
import { modelEvents, modelMethods } from "./contracts/models";
import { assistantEvents, assistantMethods } from "./contracts/assistant";
import { securityEvents, securityMethods } from "./contracts/security";
import { draftingEvents, draftingMethods } from "./contracts/drafting";

/**
 * The one contract between renderer, core, preload and CLI (DESIGN.md, "One
 * contract"). Add a call here and every side sees it: the router refuses to
 * start without a handler for it, the client and window.api are typed by it.
 */


export { JobState, JobProgress, JobInfo, JobFinished } from "./rpc/job-contract";

export const HostKind = z.enum(["electron", "serve", "cli", "test"]);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = lazySchema(() => z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  corePid: z.number().int(),
  host: HostKind,
  platform: z.string(),
  arch: z.string(),
  schemaVersion: z.number().int(),
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    sqlite: z.string(),
    sqliteVec: z.string(),
  }),
}));
export type AppInfo = z.infer<typeof AppInfo>;

/** Core process health as seen by its host (Electron main or the serve client). */
export const CoreState = lazySchema(() => z.object({
  state: z.enum(["starting", "running", "restarting", "failed"]),
  attempt: z.number().int().nonnegative(),
  message: z.string().optional(),
}));
export type CoreState = z.infer<typeof CoreState>;

export const contract = defineContract(
  {
    "app.info": call("Version, data directory and runtime versions", NoInput, AppInfo, { whenLocked: "allow" }),
    "settings.get": call("Current settings, defaults filled in", NoInput, Settings, { whenLocked: "allow" }),
    "settings.set": call("Merge a partial patch into the settings and persist it", SettingsPatch, Settings),
    "jobs.list": call("Running and recently finished jobs", NoInput, () => z.array(JobInfo), { whenLocked: "allow" }),
    ...jobMethods,
    ...modelMethods,
    ...knowledgeMethods,
    ...assistantMethods,
    ...securityMethods,
    ...draftingMethods,
  },
  {
    ...jobEvents,
    "settings.changed": Settings,
    "core.state": CoreState,
    ...modelEvents,
    ...knowledgeEvents,
    ...assistantEvents,
    ...securityEvents,
    ...draftingEvents,
  },
);

export type Contract = typeof contract;
export type Methods = Contract["methods"];
export type Events = Contract["events"];
export type MethodName = keyof Methods & string;
export type EventName = keyof Events & string;
