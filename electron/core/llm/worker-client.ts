import { createClient, type TransportClient } from "../../common/rpc/client";
import type { CallNames, InputOf, JobNames, OutputOf } from "../../common/rpc/define";
import { runJob } from "../../common/rpc/run-job";
import { RpcError } from "../../common/rpc/wire";
import { workerContract, type WorkerContract } from "./worker-contract";
import type { WorkerHost, WorkerProcess } from "./process-host";

type Methods = WorkerContract["methods"];
export type ChunkSink = (chunk: { type: "text" | "thought"; text: string }) => void;

interface Live {
  proc: WorkerProcess;
  client: TransportClient<WorkerContract>;
  /** Rejects (with the exit as a clear error) when the process ends. */
  exited: Promise<never>;
}

/** Chunks that arrive before their job's id is known to us (kept briefly, by job). */
const MAX_EARLY_CHUNKS = 256;

/**
 * The core's side of the model worker: starts it on first use, calls it
 * through the worker contract (calls, and jobs for long or streamed work),
 * and when the process dies fails every running request with a clear error.
 * The next request starts a new one.
 */
export class WorkerClient {
  private live: Live | null = null;
  private active = 0;
  private closed = false;
  private readonly sinks = new Map<string, ChunkSink>();
  private readonly early: { jobId: string; chunk: { type: "text" | "thought"; text: string } }[] = [];

  constructor(
    private readonly host: WorkerHost,
    private readonly env: Record<string, string> = {},
    private readonly log: (line: string) => void = () => {},
  ) {}

  get running(): boolean {
    return this.live !== null;
  }

  /** A request is waiting for its answer. */
  get busy(): boolean {
    return this.active > 0;
  }

  get pid(): number | undefined {
    return this.live?.proc.pid;
  }

  private ensure(): Live {
    if (this.closed) throw new RpcError("UNAVAILABLE", "模型服务已关闭");
    if (this.live) return this.live;
    const proc = this.host.start(this.env);
    let exitError: RpcError | null = null;
    let rejectExit!: (e: RpcError) => void;
    const exited = new Promise<never>((_, reject) => (rejectExit = reject));
    exited.catch(() => {});
    const client = createClient(workerContract, proc.transport, {
      onInvalid: (why) => this.log(`model worker: dropped a malformed message: ${why}`),
      closedError: () => exitError ?? new RpcError("UNAVAILABLE", "与模型进程的连接已断开，本次请求失败；再试一次会自动重启模型进程"),
    });
    client.on("llm.log", ({ line }) => this.log(`llama: ${line}`));
    client.on("llm.chunk", ({ jobId, ...chunk }) => this.chunk(jobId, chunk));
    const live: Live = { proc, client, exited };
    proc.onExit((code, signal) => {
      if (this.live === live) this.live = null;
      const why = signal ? `信号 ${signal}` : `退出码 ${code ?? "?"}`;
      if (this.active) this.log(`model worker exited (${why}) with ${this.active} request(s) running`);
      const last = proc.stderrTail?.().split("\n").slice(-3).join(" | ");
      exitError = new RpcError("UNAVAILABLE", `模型进程意外退出（${why}），本次请求失败；再试一次会自动重启模型进程`, last || undefined);
      rejectExit(exitError);
    });
    this.live = live;
    return live;
  }

  private chunk(jobId: string, chunk: { type: "text" | "thought"; text: string }): void {
    const sink = this.sinks.get(jobId);
    if (sink) return sink(chunk);
    this.early.push({ jobId, chunk });
    if (this.early.length > MAX_EARLY_CHUNKS) this.early.shift();
  }

  /** A call of the worker contract; the answer is validated by the contract. */
  async call<K extends CallNames<Methods>>(method: K, input: InputOf<Methods[K]>): Promise<OutputOf<Methods[K]>> {
    const live = this.ensure();
    this.active++;
    try {
      return (await Promise.race([live.client.call(method, input), live.exited])) as OutputOf<Methods[K]>;
    } finally {
      this.active--;
    }
  }

  /** A job of the worker contract: aborting the signal cancels it (jobs.cancel); chunks of a chat stream to onChunk. */
  async job<K extends JobNames<Methods>>(method: K, input: InputOf<Methods[K]>, options: { signal?: AbortSignal; onChunk?: ChunkSink } = {}): Promise<OutputOf<Methods[K]>> {
    if (options.signal?.aborted) throw new RpcError("CANCELLED", "已取消");
    const live = this.ensure();
    this.active++;
    let jobId: string | null = null;
    const onJobId = (id: string): void => {
      jobId = id;
      const sink = options.onChunk;
      if (!sink) return;
      this.sinks.set(id, sink);
      for (let i = 0; i < this.early.length; ) {
        const e = this.early[i]!;
        if (e.jobId !== id) {
          i++;
          continue;
        }
        this.early.splice(i, 1);
        sink(e.chunk);
      }
    };
    try {
      const running = runJob(workerContract, live.client, method, input, { onJobId, ...(options.signal ? { signal: options.signal } : {}) });
      return await Promise.race([running, live.exited]);
    } catch (e) {
      throw options.signal?.aborted && e instanceof RpcError && e.code !== "CANCELLED" ? new RpcError("CANCELLED", "已取消", e.message) : e;
    } finally {
      this.active--;
      if (jobId !== null) this.sinks.delete(jobId);
    }
  }

  /** Stops the worker (core shutdown, or to free all model memory at once). */
  async stop(): Promise<void> {
    const live = this.live;
    if (!live) return;
    this.live = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (live.proc.kill("SIGKILL"), resolve()), 3000);
      live.proc.onExit(() => (clearTimeout(timer), resolve()));
      live.proc.kill("SIGTERM");
    });
    live.client.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }
}
