import type { z } from "zod";
import { RpcError } from "../../common/rpc/wire";
import { FromWorker, type RequestType, type ToWorker } from "./protocol";
import type { ProcessHost, WorkerProcess } from "./process-host";

export interface RequestOptions {
  signal?: AbortSignal;
  onChunk?: (chunk: { type: "text" | "thought"; text: string }) => void;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onChunk?: RequestOptions["onChunk"];
}

/**
 * The core's side of the model worker: starts it on first use, sends typed
 * requests, streams chunks back, and when the process dies fails every
 * running request with a clear error. The next request starts a new one.
 */
export type LoadEvent = Extract<FromWorker, { type: "load" }>;

export class WorkerClient {
  private proc: WorkerProcess | null = null;
  private readonly loadListeners = new Set<(e: LoadEvent) => void>();
  private readonly exitListeners = new Set<() => void>();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    private readonly host: ProcessHost,
    private readonly env: Record<string, string> = {},
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Each stage of a model load in the worker; returns an unsubscribe function. */
  onLoad(listener: (e: LoadEvent) => void): () => void {
    this.loadListeners.add(listener);
    return () => this.loadListeners.delete(listener);
  }

  /** The worker process ended (stopped, idle, or crashed): every model it held is gone. */
  onExit(listener: () => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  get running(): boolean {
    return this.proc !== null;
  }

  /** A request is waiting for its answer. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  private ensure(): WorkerProcess {
    if (this.closed) throw new RpcError("UNAVAILABLE", "模型服务已关闭");
    if (this.proc) return this.proc;
    const proc = this.host.start(this.env);
    this.proc = proc;
    proc.onMessage((raw) => this.receive(raw));
    proc.onExit((code, signal) => {
      if (this.proc === proc) this.proc = null;
      const why = signal ? `信号 ${signal}` : `退出码 ${code ?? "?"}`;
      if (this.pending.size) this.log(`model worker exited (${why}) with ${this.pending.size} request(s) running`);
      const last = proc.stderrTail?.().split("\n").slice(-3).join(" | ");
      const err = new RpcError("UNAVAILABLE", `模型进程意外退出（${why}），本次请求失败；再试一次会自动重启模型进程`, last || undefined);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      for (const l of [...this.exitListeners]) l();
    });
    return proc;
  }

  private receive(raw: unknown): void {
    const parsed = FromWorker.safeParse(raw);
    if (!parsed.success) return this.log("model worker: dropped a malformed message");
    const msg = parsed.data;
    if (msg.type === "ready") return;
    if (msg.type === "log") return this.log(`llama: ${msg.line}`);
    if (msg.type === "load") {
      for (const l of [...this.loadListeners]) l(msg);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === "chunk") return p.onChunk?.(msg.chunk);
    this.pending.delete(msg.id);
    if (msg.type === "result") p.resolve(msg.value);
    else p.reject(new RpcError("UNAVAILABLE", workerErrorText(msg.message), msg.message));
  }

  /** Sends one request; the answer is validated with `schema`. Aborting sends a cancel. */
  async request<S extends z.ZodType>(type: RequestType, params: object, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
    if (options.signal?.aborted) throw new RpcError("CANCELLED", "已取消");
    const proc = this.ensure();
    const id = this.nextId++;
    const value = await new Promise<unknown>((resolve, reject) => {
      const rejectOrCancel = (e: Error): void => reject(options.signal?.aborted ? new RpcError("CANCELLED", "已取消") : e);
      const onAbort = (): void => proc.send({ type: "cancel", id } satisfies ToWorker);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const done = (): void => options.signal?.removeEventListener("abort", onAbort);
      this.pending.set(id, {
        resolve: (v) => (done(), resolve(v)),
        reject: (e) => (done(), rejectOrCancel(e)),
        ...(options.onChunk ? { onChunk: options.onChunk } : {}),
      });
      proc.send({ type, id, params } as ToWorker);
    });
    const out = schema.safeParse(value);
    if (!out.success) throw new RpcError("INTERNAL", "模型进程返回了无法识别的结果");
    return out.data;
  }

  /** Stops the worker (core shutdown, or to free all model memory at once). */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (proc.kill("SIGKILL"), resolve()), 3000);
      proc.onExit(() => (clearTimeout(timer), resolve()));
      proc.kill("SIGTERM");
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }
}

/** A worker-side failure in words the user can act on. */
export function workerErrorText(message: string): string {
  if (/cancel|abort/i.test(message)) return "已取消";
  if (/failed to load model|load model/i.test(message)) return "无法加载模型文件：文件可能已损坏或不是受支持的模型";
  if (/context|memory|alloc/i.test(message)) return "模型运行所需内存不足：请减小上下文长度或 GPU 层数后重试";
  return `模型运行出错：${message}`;
}
