import { randomUUID } from "node:crypto";
import type { JobInfo, JobFinished, JobProgress } from "../../common/rpc/job-contract";
import type { JobContext, JobRunner, ProgressDetail } from "../../common/rpc/router";
import { RpcError, type WireError } from "../../common/rpc/wire";
import { toWireError } from "../../common/rpc/errors";

export type { JobContext } from "../../common/rpc/router";

export interface JobEvents {
  progress(p: JobProgress): void;
  finished(f: JobFinished): void;
}

interface Entry {
  info: JobInfo;
  controller: AbortController;
  lastEmit: number;
  lastStage: string;
  lastItem: string | undefined;
  resultOnCancel: boolean;
}

const PROGRESS_INTERVAL_MS = 100;
const KEEP_FINISHED = 50;

/**
 * Runs long work as jobs: an id at once, throttled progress events, cancel
 * through an AbortSignal, and a short history for `jobs.list` so a reloaded
 * window can pick up where it was.
 */
export class JobManager implements JobRunner {
  private readonly jobs = new Map<string, Entry>();

  private readonly now: () => number;
  private readonly log: (line: string) => void;

  /** `log` hears every failed job: a bug's stack, a user-facing error's code and message. */
  constructor(
    private readonly events: JobEvents,
    options: { now?: () => number; log?: (line: string) => void } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
  }

  start(method: string, run: (ctx: JobContext) => Promise<unknown>, validate: (result: unknown) => unknown, options: { resultOnCancel?: boolean } = {}): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const entry: Entry = {
      controller,
      lastEmit: 0,
      lastStage: "queued",
      lastItem: undefined,
      resultOnCancel: options.resultOnCancel === true,
      info: { jobId, method, done: 0, total: 0, stage: "queued", state: "running", startedAt: this.now(), finishedAt: null, error: null },
    };
    this.jobs.set(jobId, entry);
    const ctx: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (done, total, stage, detail) => this.progress(entry, done, total, stage, detail),
    };
    // Run on a later tick so the caller's reply (the job id) goes out first.
    setImmediate(() => {
      void this.execute(entry, run, ctx, validate);
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.info.state !== "running") return false;
    entry.controller.abort(new RpcError("CANCELLED", "任务已取消"));
    return true;
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((e) => ({ ...e.info }));
  }

  /** Cancel everything (core shutting down). */
  cancelAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }

  private progress(entry: Entry, done: number, total: number, stage: string, detail: ProgressDetail = {}): void {
    if (entry.info.state !== "running") return;
    const { item, sub } = detail;
    Object.assign(entry.info, { done: Math.max(0, done), total: Math.max(0, total), stage });
    if (item === undefined) delete entry.info.item;
    else entry.info.item = item;
    if (sub === undefined) delete entry.info.sub;
    else entry.info.sub = sub;
    const t = this.now();
    // Throttled, except what the UI must not miss: a new stage or item, the end of the job or of the item.
    const news = stage !== entry.lastStage || item !== entry.lastItem || done >= total || (sub !== undefined && sub.done >= sub.total);
    if (t - entry.lastEmit < PROGRESS_INTERVAL_MS && !news) return;
    entry.lastEmit = t;
    entry.lastStage = stage;
    entry.lastItem = item;
    const { jobId, method } = entry.info;
    this.events.progress({ jobId, method, done: entry.info.done, total: entry.info.total, stage, ...(item !== undefined ? { item } : {}), ...(sub !== undefined ? { sub } : {}) });
  }

  private async execute(
    entry: Entry,
    run: (ctx: JobContext) => Promise<unknown>,
    ctx: JobContext,
    validate: (result: unknown) => unknown,
  ): Promise<void> {
    let finished: JobFinished;
    const { jobId, method } = entry.info;
    try {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const result = validate(await run(ctx));
      if (!ctx.signal.aborted) finished = { jobId, method, state: "done", result };
      else finished = entry.resultOnCancel ? { jobId, method, state: "cancelled", result } : { jobId, method, state: "cancelled" };
    } catch (e) {
      if (ctx.signal.aborted) finished = { jobId, method, state: "cancelled" };
      else {
        finished = { jobId, method, state: "failed", error: toWireError(e) };
        // A bug (not an RpcError) keeps its stack in the log; the caller sees a generic message.
        if (e instanceof RpcError) this.log(`job ${method} failed: ${e.code} ${e.message}${e.detail ? ` (${e.detail})` : ""}`);
        else this.log(`job ${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    entry.info.state = finished.state;
    entry.info.finishedAt = this.now();
    entry.info.error = (finished.error as WireError | undefined) ?? null;
    this.prune();
    this.events.finished(finished);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.info.state !== "running");
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.info.jobId);
  }
}
