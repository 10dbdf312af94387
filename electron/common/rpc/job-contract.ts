import { z } from "zod";
import { lazySchema } from "./lazy-schema";
import { call } from "./define";
import { WireError } from "./wire";

/**
 * The part of a contract that runs jobs (DESIGN.md "One contract"): the
 * progress and finished events and the cancel call. Every contract that
 * declares jobs spreads these in, so runJob and the JobManager work the same
 * on every boundary (renderer↔core, core↔model worker, core↔extraction thread).
 */
export const JobState = z.enum(["running", "done", "failed", "cancelled"]);
export type JobState = z.infer<typeof JobState>;

export const JobProgress = lazySchema(() => z.object({
  jobId: z.string(),
  method: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  /** Short machine-readable stage name; the UI translates it. */
  stage: z.string(),
  /** What is being worked on, when it helps the user (the file being read). */
  item: z.string().optional(),
  /** Progress within the item (OCR: the page being read, of how many: "正在识别第 3/9 页"). */
  sub: z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() }).optional(),
}));
export type JobProgress = z.infer<typeof JobProgress>;

export const JobInfo = lazySchema(() => JobProgress.unwrap().extend({
  state: JobState,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  error: WireError.nullable(),
}));
export type JobInfo = z.infer<typeof JobInfo>;

export const JobFinished = lazySchema(() => z.object({
  jobId: z.string(),
  method: z.string(),
  state: JobState.exclude(["running"]),
  /** The result when done; also when cancelled, for jobs whose rules keep it (resultOnCancel). */
  result: z.unknown().optional(),
  error: WireError.optional(),
}));
export type JobFinished = z.infer<typeof JobFinished>;

export const jobMethods = {
  "jobs.cancel": call("Ask a running job to stop", () => z.object({ jobId: z.string().min(1) }).strict(), () => z.object({ cancelled: z.boolean() }), { whenLocked: "allow" }),
};

export const jobEvents = {
  "job.progress": JobProgress,
  "job.finished": JobFinished,
};
