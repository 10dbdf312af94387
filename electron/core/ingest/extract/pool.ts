import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { RpcError } from "../../../common/rpc/wire";
import type { OcrProgress } from "../ocr/candidates";
import { prepareFile, type Prepared, type PrepareOcr } from "../prepare";
import { resolveLimits, type ExtractLimits } from "./limits";

interface Pending {
  resolve: (d: Prepared) => void;
  reject: (e: unknown) => void;
  path: string;
  onProgress?: ((p: OcrProgress) => void) | undefined;
}

interface Slot {
  worker: Worker;
  busy: Pending & { id: number; timer: NodeJS.Timeout };
}

/**
 * Where the worker entry lives: from source (this file is .ts) a small .mjs
 * registers tsx in the thread and imports worker.ts; from the bundle,
 * dist/extract/extract-worker.mjs beside dist/cli and dist/core.
 */
function workerSpec(): { file: string; workerData?: unknown } | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    return { file: join(dirname(here), "worker-boot.mjs"), workerData: { entry: pathToFileURL(join(dirname(here), "worker.ts")).href } };
  }
  const bundled = join(dirname(here), "..", "extract", "extract-worker.mjs");
  return existsSync(bundled) ? { file: bundled } : null;
}

/**
 * Extraction in worker threads, one file per thread at a time, so parsing
 * runs on all cores while the main thread writes. A file that exceeds the
 * time limit gets its thread terminated (a stuck parser cannot block the
 * batch). Falls back to in-process extraction when workers cannot start.
 */
export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly slots = new Map<Worker, Slot["busy"]>();
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private readonly spec: ReturnType<typeof workerSpec>;
  private readonly limits: ExtractLimits;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Idle threads are ended after this long, so a finished batch does not hold memory. */
  idleTimeoutMs = 30_000;

  /** `size` threads; `useWorkers: false` extracts in this thread (small batches, where starting threads costs more than it saves). */
  constructor(
    readonly size = Math.max(1, availableParallelism()),
    limits?: Partial<ExtractLimits>,
    useWorkers = true,
  ) {
    this.limits = resolveLimits(limits ? { limits } : {});
    this.spec = useWorkers ? workerSpec() : null;
  }

  get usesWorkers(): boolean {
    return this.spec !== null;
  }

  /**
   * Extracts, chunks and segments one file (in a worker thread when there are
   * workers). With `ocr`, pages that need it are OCR'd in the thread, each
   * page reported; cancelling ends the thread (pages already read are cached).
   */
  async prepare(path: string, signal?: AbortSignal, ocr?: PrepareOcr): Promise<Prepared> {
    if (!this.spec) return prepareFile(path, this.limits, signal, ocr);
    const worker = await this.acquire();
    const id = this.nextId++;
    // Only this request's thread, and only while it still works on this request.
    const onAbort = (): void => {
      if (this.slots.get(worker)?.id === id) this.kill(worker, new RpcError("CANCELLED", "已取消"));
    };
    try {
      return await new Promise<Prepared>((resolve, reject) => {
        const timer = this.watchdog(worker, path);
        this.slots.set(worker, { id, path, resolve, reject, timer, onProgress: ocr?.onProgress });
        worker.postMessage({ id, path, limits: this.limits, ...(ocr ? { ocr: ocr.settings } : {}) });
        if (signal?.aborted) onAbort();
        else signal?.addEventListener("abort", onAbort, { once: true });
      });
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** The in-thread limit fires first; this one catches a thread stuck in synchronous code (OCR: per page). */
  private watchdog(worker: Worker, path: string): NodeJS.Timeout {
    return setTimeout(() => this.kill(worker, new RpcError("INVALID_INPUT", `读取超时：${path}`)), this.limits.timeoutMs + 5000);
  }

  private acquire(): Promise<Worker> {
    clearTimeout(this.idleTimer);
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.slots.size + this.idle.length < this.size) return Promise.resolve(this.spawn());
    return new Promise((r) => this.waiting.push(() => r(this.acquire())));
  }

  private spawn(): Worker {
    const spec = this.spec!;
    const worker = new Worker(spec.file, spec.workerData ? { workerData: spec.workerData } : {});
    worker.on("message", (m: { id: number; ok: boolean; prepared?: Prepared; error?: { code: string; message: string; detail?: string }; progress?: OcrProgress }) => {
      const busy = this.slots.get(worker);
      if (!busy || busy.id !== m.id) return;
      if (m.progress) {
        // A page read: the thread is alive, so its time limit starts again.
        clearTimeout(busy.timer);
        busy.timer = this.watchdog(worker, busy.path);
        busy.onProgress?.(m.progress);
        return;
      }
      this.release(worker, busy);
      if (m.ok && m.prepared) busy.resolve(m.prepared);
      else busy.reject(new RpcError(m.error?.code === "CANCELLED" ? "CANCELLED" : "INVALID_INPUT", m.error?.message ?? "读取失败", m.error?.detail));
    });
    worker.on("error", (e) => this.kill(worker, new RpcError("INVALID_INPUT", `读取文件时解析程序出错`, String(e))));
    worker.unref();
    return worker;
  }

  private release(worker: Worker, busy: Slot["busy"]): void {
    clearTimeout(busy.timer);
    this.slots.delete(worker);
    if (this.closed) void worker.terminate();
    else this.idle.push(worker);
    this.waiting.shift()?.();
    if (this.slots.size === 0) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void Promise.all(this.idle.splice(0).map((w) => w.terminate())), this.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  private kill(worker: Worker, e: RpcError): void {
    const busy = this.slots.get(worker);
    if (busy) {
      clearTimeout(busy.timer);
      this.slots.delete(worker);
      busy.reject(new RpcError(e.code, `${e.message}：${busy.path}`, e.detail));
    }
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    void worker.terminate();
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
    for (const [w] of this.slots) void w.terminate();
  }
}

const shared = new Map<string, ExtractPool>();

/**
 * One pool per configuration for the process: consecutive batches reuse
 * warm threads (starting one and loading the parsers costs far more than a
 * small file); idle threads end after idleTimeoutMs.
 */
export function sharedPool(size: number, limits: ExtractLimits): ExtractPool {
  const key = JSON.stringify([size, limits]);
  let pool = shared.get(key);
  if (!pool) shared.set(key, (pool = new ExtractPool(size, limits, true)));
  return pool;
}
