import { parentPort, workerData } from "node:worker_threads";
import { pipeTransport } from "../../../common/rpc/ports";
import { createRouter, type Router } from "../../../common/rpc/router";
import { RpcError } from "../../../common/rpc/wire";
import { JobManager } from "../../rpc/jobs";
import { threadPipe } from "../../rpc/node-pipes";
import { applySpans, findPersonalData } from "../../security/redact/redact";
import { extractFile } from "./index";
import { prepareFile } from "../prepare";
import { extractContract, type ExtractContract } from "./extract-contract";
import { extractError } from "./limits";
import type { ExtractWorkerData } from "./worker-start";

/**
 * Worker-thread side of the extraction pool: serves extract-contract.ts,
 * one file (or one text to redact) at a time (the pool gives each thread one). With `ocr`, each
 * page OCR reads is reported as an extract.page event before the job ends. A
 * parser's own exception becomes that file's error, in its words, as it would
 * in-process.
 */
let router: Router<ExtractContract> | null = null;
const jobs = new JobManager({
  progress: (p) => router?.emit("job.progress", p),
  finished: (f) => router?.emit("job.finished", f),
});
router = createRouter(
  extractContract,
  {
    "extract.prepare": async ({ path, limits, ocr }, job) => {
      const onProgress = (p: { page: number; done: number; total: number }): void => router?.emit("extract.page", { jobId: job.jobId, ...p });
      try {
        return await prepareFile(path, limits, job.signal, ocr ? { settings: ocr, onProgress } : undefined);
      } catch (e) {
        throw e instanceof RpcError ? e : extractError(e instanceof Error ? e.message : String(e));
      }
    },
    "extract.read": async ({ path, limits, ocr }, job) => {
      const onOcrProgress = (p: { page: number; done: number; total: number }): void => router?.emit("extract.page", { jobId: job.jobId, ...p });
      try {
        return await extractFile(path, { ...(limits ? { limits } : {}), signal: job.signal, ...(ocr ? { ocr, onOcrProgress } : {}) });
      } catch (e) {
        throw e instanceof RpcError ? e : extractError(e instanceof Error ? e.message : String(e));
      }
    },
    "extract.redact": ({ text, kinds }) => {
      const spans = findPersonalData(text, kinds);
      return { redacted: applySpans(text, spans), spans };
    },
    "jobs.cancel": ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  },
  { jobs, name: "文件读取程序", log: (line) => void process.stderr.write(`extract worker: ${line}\n`) },
);
if (parentPort) router.attach(pipeTransport(threadPipe(parentPort, "close")), { trusted: true });
// Parsers asked for at start (worker-start.ts): pdfjs loads while the command that started this
// thread is still opening its database. The first PDF awaits the same load; a failed load is that
// PDF's error, as it would be without this.
if ((workerData as ExtractWorkerData | null)?.preload?.includes("pdf")) void import("./pdf").then((m) => m.loadPdfJs()).catch(() => {});
