import type { ContractDef, InputOf, JobNames, OutputOf } from "./define";
import type { RpcClient } from "./client";
import type { JobFinished, JobProgress } from "./job-contract";
import { ErrorCode, RpcError } from "./wire";
import { issuesText } from "./issues";

export interface JobRunOptions {
  onProgress?: (p: JobProgress) => void;
  signal?: AbortSignal;
  onJobId?: (jobId: string) => void;
}

/** The parts of the contract every job-running client relies on. */
type JobCapable = ContractDef & {
  methods: { "jobs.cancel": ContractDef["methods"][string] };
  events: { "job.progress": ContractDef["events"][string]; "job.finished": ContractDef["events"][string] };
};

/**
 * Start a job and wait for its result, forwarding progress; aborting the
 * signal asks the core to cancel it. Works over any RpcClient, so the
 * renderer (window.api or WebSocket), the CLI and tests share it.
 */
export async function runJob<C extends JobCapable, K extends JobNames<C["methods"]>>(
  contract: C,
  client: RpcClient<C>,
  method: K,
  input: InputOf<C["methods"][K]>,
  opts: JobRunOptions = {},
): Promise<OutputOf<C["methods"][K]>> {
  const loose = client as unknown as LooseClient;
  // Subscribe before starting: a fast job may finish before its id arrives.
  const early: { progress: JobProgress[]; finished: JobFinished[] } = { progress: [], finished: [] };
  let jobId: string | null = null;
  let settle!: { resolve: (v: unknown) => void; reject: (e: RpcError) => void };
  const done = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));

  const def = contract.methods[method];
  const finish = (ev: JobFinished): void => {
    // A job that keeps its result on cancel (a chat cut short) answers with what it did.
    const keptOnCancel = ev.state === "cancelled" && def?.rules.resultOnCancel === true && ev.result !== undefined;
    if (ev.state === "done" || keptOnCancel) {
      const out = def?.output.safeParse(ev.result);
      if (out && !out.success) settle.reject(new RpcError("INVALID_OUTPUT", "任务结果格式不正确", issuesText(out.error)));
      else settle.resolve(out ? out.data : ev.result);
    } else if (ev.state === "cancelled") {
      settle.reject(new RpcError("CANCELLED", "任务已取消"));
    } else {
      const code = ErrorCode.safeParse(ev.error?.code);
      settle.reject(new RpcError(code.success ? code.data : "INTERNAL", ev.error?.message ?? "任务失败", ev.error?.detail));
    }
  };
  const offProgress = loose.on("job.progress", (p) => {
    const ev = p as JobProgress;
    if (jobId === null) early.progress.push(ev);
    else if (ev.jobId === jobId) opts.onProgress?.(ev);
  });
  const offFinished = loose.on("job.finished", (p) => {
    const ev = p as JobFinished;
    if (jobId === null) early.finished.push(ev);
    else if (ev.jobId === jobId) finish(ev);
  });
  const onAbort = (): void => {
    if (jobId !== null) void loose.call("jobs.cancel", { jobId }).catch(() => {});
  };
  try {
    const reply = (await loose.call(method, input)) as { jobId: string };
    jobId = reply.jobId;
    opts.onJobId?.(jobId);
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
    for (const ev of early.progress) if (ev.jobId === jobId) opts.onProgress?.(ev);
    for (const ev of early.finished) if (ev.jobId === jobId) finish(ev);
    return (await done) as OutputOf<C["methods"][K]>;
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    offProgress();
    offFinished();
  }
}

interface LooseClient {
  call(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
