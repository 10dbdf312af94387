import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { createClient, type TransportClient } from "../../../common/rpc/client";
import { pipeTransport } from "../../../common/rpc/ports";
import { runJob } from "../../../common/rpc/run-job";
import { RpcError } from "../../../common/rpc/wire";
import { threadPipe } from "../../rpc/node-pipes";
import type { z } from "zod";
import type { RedactionKind, RedactionSpan } from "../../../common/contracts/security";
import { applySpans, findPersonalData } from "../../security/redact/redact";
import { extractContract, type ExtractContract, type IngestDocumentSchema } from "./extract-contract";
import { extractFile } from "./index";
import type { OcrProgress } from "../ocr/candidates";
import { prepareFile, type Prepared, type PrepareOcr } from "../prepare";
import { EXTRACT_HEAP_MB, resolveLimits, type ExtractLimits } from "./limits";
import { startExtractWorker, takePrestarted, workerSpec } from "./worker-start";

/** One extraction thread: a client of extract-contract.ts over its port, and how it ended if it did. */
interface Thread {
  worker: Worker;
  client: TransportClient<ExtractContract>;
  /** Rejects when the thread is killed (timeout, parser crash). */
  dead: Promise<never>;
  killedWith: RpcError | null;
  die(e: RpcError): void;
  /** Hears each page OCR reads for the file in hand. */
  onPage: ((p: OcrProgress) => void) | null;
  /** Files and calls handled so far. */
  served: number;
}

/**
 * Extraction in worker threads, one file per thread at a time, so parsing
 * runs on all cores while the main thread writes. A file that exceeds the
 * time limit gets its thread terminated (a stuck parser cannot block the
 * batch). Falls back to in-process extraction when workers cannot start.
 */
export class ExtractPool {
  private readonly idle: Thread[] = [];
  private readonly busy = new Set<Thread>();
  private readonly waiting: (() => void)[] = [];
  private readonly spec: ReturnType<typeof workerSpec>;
  private readonly limits: ExtractLimits;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Idle threads are ended after this long, so a finished batch does not hold memory. */
  idleTimeoutMs = 30_000;
  /**
   * A thread is replaced after this many files: the parsers keep caches
   * between files (fonts, CMaps, zip buffers) and V8 lets a thread's heap
   * grow towards its cap, so a 10,000-file folder held 1.4 GB by the end.
   */
  recycleAfter = 200;
  /** Threads started so far (replacements included). */
  spawned = 0;

  /** `size` threads; `useWorkers: false` extracts in this thread (small batches, where starting threads costs more than it saves). */
  constructor(
    readonly size = Math.max(1, availableParallelism()),
    limits?: Partial<ExtractLimits>,
    useWorkers = true,
    /** Each thread's V8 heap cap (old generation), MB: a file that needs more fails alone (see heapError). */
    readonly heapMb = EXTRACT_HEAP_MB,
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
    return this.onThread(path, signal, ocr, (client, input) => runJob(extractContract, client, "extract.prepare", input));
  }

  /**
   * Extracts one file (no chunking) in a worker thread: what kb.extract,
   * summarising a file and the file preview need, off the core's thread.
   */
  async extract(path: string, signal?: AbortSignal, ocr?: PrepareOcr): Promise<z.infer<typeof IngestDocumentSchema>> {
    if (!this.spec) {
      return extractFile(path, { limits: this.limits, ...(signal ? { signal } : {}), ...(ocr ? { ocr: ocr.settings, ...(ocr.onProgress ? { onOcrProgress: ocr.onProgress } : {}) } : {}) });
    }
    return this.onThread(path, signal, ocr, (client, input) => runJob(extractContract, client, "extract.read", input));
  }

  /** redact.preview's work in a worker thread, so a long text cannot stall the core's other calls. */
  async redact(text: string, kinds?: RedactionKind[]): Promise<{ redacted: string; spans: RedactionSpan[] }> {
    if (!this.spec) {
      const spans = findPersonalData(text, kinds);
      return { redacted: applySpans(text, spans), spans };
    }
    const thread = await this.acquire();
    try {
      return await Promise.race([thread.client.call("extract.redact", { text, ...(kinds ? { kinds } : {}) }), thread.dead]);
    } catch (e) {
      throw thread.killedWith ?? e;
    } finally {
      if (!thread.killedWith) this.release(thread);
    }
  }

  /** One file on a thread: its time limit, its OCR pages, cancel, and the thread's death as that file's error. */
  private async onThread<T>(
    path: string,
    signal: AbortSignal | undefined,
    ocr: PrepareOcr | undefined,
    run: (client: TransportClient<ExtractContract>, input: { path: string; limits: ExtractLimits; ocr?: PrepareOcr["settings"] }) => Promise<T>,
  ): Promise<T> {
    const thread = await this.acquire();
    let timer = this.watchdog(thread);
    // A page read: the thread is alive, so its time limit starts again.
    thread.onPage = (p) => {
      clearTimeout(timer);
      timer = this.watchdog(thread);
      ocr?.onProgress?.(p);
    };
    // OCR cannot stop mid-page: a cancel ends the thread, and only while it works on this file.
    const onAbort = (): void => this.kill(thread, new RpcError("CANCELLED", "已取消"));
    try {
      const running = run(thread.client, { path, limits: this.limits, ...(ocr ? { ocr: ocr.settings } : {}) });
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort, { once: true });
      return await Promise.race([running, thread.dead]);
    } catch (e) {
      const k = thread.killedWith;
      throw k ? new RpcError(k.code, `${k.message}：${path}`, k.detail) : e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      thread.onPage = null;
      if (!thread.killedWith) this.release(thread);
    }
  }

  /** The in-thread limit fires first; this one catches a thread stuck in synchronous code (OCR: per page). */
  private watchdog(thread: Thread): NodeJS.Timeout {
    return setTimeout(() => this.kill(thread, new RpcError("INVALID_INPUT", "读取超时")), this.limits.timeoutMs + 5000);
  }

  private acquire(): Promise<Thread> {
    clearTimeout(this.idleTimer);
    const t = this.idle.pop();
    if (t) return Promise.resolve(this.take(t));
    if (this.busy.size + this.idle.length < this.size) return Promise.resolve(this.take(this.spawn()));
    return new Promise((r) => this.waiting.push(() => r(this.acquire())));
  }

  private take(t: Thread): Thread {
    this.busy.add(t);
    return t;
  }

  private spawn(): Thread {
    const spec = this.spec!;
    this.spawned++;
    // A thread the command started before it opened the database (worker-start.ts), when there is one.
    const worker = takePrestarted(this.heapMb) ?? startExtractWorker(spec, this.heapMb);
    let die!: (e: RpcError) => void;
    const dead = new Promise<never>((_, reject) => (die = reject));
    dead.catch(() => {});
    const client = createClient(extractContract, pipeTransport(threadPipe(worker, "exit", () => void worker.terminate())), {
      closedError: () => new RpcError("INVALID_INPUT", "读取文件时解析程序意外退出"),
    });
    const thread: Thread = { worker, client, dead, killedWith: null, die, onPage: null, served: 0 };
    client.on("extract.page", ({ jobId: _job, ...p }) => thread.onPage?.(p));
    worker.on("error", (e: Error & { code?: string }) =>
      this.kill(thread, e.code === "ERR_WORKER_OUT_OF_MEMORY" ? heapError(this.heapMb) : new RpcError("INVALID_INPUT", "读取文件时解析程序出错", String(e))),
    );
    // A thread that ends on its own (out of memory, a native abort) fails the file it held.
    worker.once("exit", () => {
      if (this.busy.has(thread) || this.idle.includes(thread)) this.kill(thread, new RpcError("INVALID_INPUT", "读取文件时解析程序意外退出"));
    });
    // After the listeners above: attaching them refs the thread again.
    worker.unref();
    return thread;
  }

  private release(thread: Thread): void {
    this.busy.delete(thread);
    if (this.closed || ++thread.served >= this.recycleAfter) void thread.worker.terminate();
    else this.idle.push(thread);
    this.waiting.shift()?.();
    if (this.busy.size === 0) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void Promise.all(this.idle.splice(0).map((t) => t.worker.terminate())), this.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  private kill(thread: Thread, e: RpcError): void {
    if (thread.killedWith) return;
    thread.killedWith = e;
    thread.die(e);
    this.busy.delete(thread);
    const i = this.idle.indexOf(thread);
    if (i >= 0) this.idle.splice(i, 1);
    void thread.worker.terminate();
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    await Promise.all(this.idle.splice(0).map((t) => t.worker.terminate()));
    for (const t of this.busy) void t.worker.terminate();
  }
}

/** A file whose parsing outgrew the thread's heap cap: it fails alone, the thread is replaced. */
export function heapError(heapMb: number): RpcError {
  return new RpcError(
    "INVALID_INPUT",
    `文件过于复杂，解析所需内存超过上限（${heapMb} MB），未读取。可将文件另存为较简单的格式（如重新导出为 PDF 或 DOCX）或拆分后再添加；确需读取时，请管理员在策略中调高解析内存上限（limits.maxParserMemoryMb）。`,
    "ERR_WORKER_OUT_OF_MEMORY",
  );
}

const shared = new Map<string, ExtractPool>();

/**
 * One pool per configuration for the process: consecutive batches reuse
 * warm threads (starting one and loading the parsers costs far more than a
 * small file); idle threads end after idleTimeoutMs.
 */
export function sharedPool(size: number, limits: ExtractLimits, heapMb = EXTRACT_HEAP_MB): ExtractPool {
  const key = JSON.stringify([size, limits, heapMb]);
  let pool = shared.get(key);
  if (!pool) shared.set(key, (pool = new ExtractPool(size, limits, true, heapMb)));
  return pool;
}

let redaction: ExtractPool | null = null;

/** One thread of its own for redact.preview, so a redaction never waits behind a long extraction. */
export function redactionPool(): ExtractPool {
  return (redaction ??= new ExtractPool(1));
}
