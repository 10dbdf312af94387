import type { z } from "zod";
import type { CallDef, ContractDef, JobDef, MethodDef, OutputOf, ParsedInputOf } from "./define";
import type { Transport } from "./transport";
import { RequestMsg, RpcError, salvageId, type RequestId } from "./wire";
import { issuesText } from "./issues";
import { toWireError } from "./errors";

export interface CallContext {
  /** The connection the call came in on (for per-window state later). */
  readonly connectionId: number;
  /** MessagePorts that came with the request (only where the rules ask for them). */
  readonly ports: readonly unknown[];
}

/** Beside a job's done/total: the item in hand and the progress within it (JobProgress item and sub). */
export interface ProgressDetail {
  item?: string | undefined;
  sub?: { done: number; total: number } | undefined;
}

/** What a job's handler gets: its id, a cancel signal, and a progress reporter. */
export interface JobContext {
  readonly jobId: string;
  /** Aborted when the caller cancels; long work must check it between steps. */
  readonly signal: AbortSignal;
  /** `detail`: what is being worked on (a file's path) and how far within it, when that helps the user. */
  progress(done: number, total: number, stage: string, detail?: ProgressDetail): void;
}

/** Runs jobs for a router (core/rpc/jobs.ts JobManager): an id at once, the work later. */
export interface JobRunner {
  start(method: string, run: (ctx: JobContext) => Promise<unknown>, validate: (result: unknown) => unknown, options?: { resultOnCancel?: boolean }): string;
}

type Handler<D extends MethodDef> = D extends JobDef
  ? (input: ParsedInputOf<D>, job: JobContext) => Promise<OutputOf<D>>
  : D extends CallDef
    ? (input: ParsedInputOf<D>, ctx: CallContext) => Promise<OutputOf<D>> | OutputOf<D>
    : never;

export type Handlers<C extends ContractDef> = { [K in keyof C["methods"]]: Handler<C["methods"][K]> };

/** A validated request, as a guard sees it before the handler runs. */
export interface GuardedRequest {
  readonly method: string;
  readonly def: MethodDef;
  readonly input: unknown;
  /** Attached as trusted (the CLI's own in-process client), not a window or a socket. */
  readonly trusted: boolean;
}

export interface Router<C extends ContractDef> {
  /**
   * Serve one connection; returns a function that detaches it. Connections
   * are untrusted unless attached as trusted: only the CLI's and tests'
   * in-process clients are.
   */
  attach(transport: Transport, options?: { trusted?: boolean }): () => void;
  /** Validate and broadcast an event to every attached connection. */
  emit<E extends keyof C["events"] & string>(event: E, payload: z.input<C["events"][E]>): void;
  readonly connections: number;
}

export interface RouterOptions {
  /** Required when the contract has jobs. */
  jobs?: JobRunner;
  log?: (line: string) => void;
  /** Who serves, in the user's words, for error messages ("核心服务", "模型进程"). Default 核心服务. */
  name?: string;
  /**
   * Runs on every validated request before its handler; throws an RpcError
   * to refuse it (a path the user never chose, a locked-down app).
   */
  guard?: (request: GuardedRequest) => void;
}

/**
 * The serving side of a contract, on any transport (renderer↔core, core↔model
 * worker, main↔core, core↔extraction thread). Every incoming message is parsed
 * against the wire envelope and the method's input schema; results are
 * checked against the output schema. Nothing a peer sends can throw out of here.
 */
export function createRouter<C extends ContractDef>(contract: C, handlers: Handlers<C>, options: RouterOptions = {}): Router<C> {
  const missing = Object.keys(contract.methods).filter((m) => typeof (handlers as Record<string, unknown>)[m] !== "function");
  if (missing.length) throw new Error(`router: no handler for ${missing.join(", ")}`);
  const jobs = options.jobs;
  if (!jobs && Object.values(contract.methods).some((d) => d.kind === "job")) throw new Error("router: the contract has jobs but no job runner was given");
  const log = options.log ?? (() => {});
  const name = options.name ?? "核心服务";
  const connections = new Set<Transport>();
  let nextConnection = 1;

  async function handle(raw: unknown, ports: readonly unknown[], connectionId: number, trusted: boolean): Promise<object> {
    const req = RequestMsg.safeParse(raw);
    if (!req.success) {
      log(`rpc: bad message: ${issuesText(req.error)}`);
      return fail(salvageId(raw), new RpcError("BAD_MESSAGE", "无法识别的消息", issuesText(req.error)));
    }
    const { id, method, params } = req.data;
    const def: MethodDef | undefined = Object.hasOwn(contract.methods, method) ? contract.methods[method] : undefined;
    if (!def) return fail(id, new RpcError("UNKNOWN_METHOD", `未知的调用：${method}`));
    const input = def.input.safeParse(params);
    if (!input.success) return fail(id, new RpcError("INVALID_INPUT", "请求参数不正确", issuesText(input.error)));
    const handler = (handlers as Record<string, (i: unknown, c: unknown) => unknown>)[method]!;
    const wantPorts = def.rules.ports ?? 0;
    if (ports.length < wantPorts) return fail(id, new RpcError("INVALID_INPUT", "请求缺少所需的通信端口", `${method} expects ${wantPorts} port(s)`));
    try {
      options.guard?.({ method, def, input: input.data, trusted });
      if (def.kind === "job") {
        const validate = (r: unknown) => checkOutput(def, r, method);
        const jobId = jobs!.start(method, (job) => Promise.resolve(handler(input.data, job)), validate, { resultOnCancel: def.rules.resultOnCancel === true });
        return { type: "res", id, ok: true, result: { jobId } };
      }
      const ctx: CallContext = { connectionId, ports };
      const result = checkOutput(def, await handler(input.data, ctx), method);
      return { type: "res", id, ok: true, result };
    } catch (e) {
      if (!(e instanceof RpcError)) log(`rpc: ${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fail(id, e);
    }
  }

  function checkOutput(def: MethodDef, result: unknown, method: string): unknown {
    const out = def.output.safeParse(result);
    if (out.success) return out.data;
    log(`rpc: ${method} returned invalid output: ${issuesText(out.error)}`);
    throw new RpcError("INVALID_OUTPUT", `${name}返回了不正确的数据`, issuesText(out.error));
  }

  return {
    attach(transport, attachOptions) {
      const connectionId = nextConnection++;
      const trusted = attachOptions?.trusted === true;
      connections.add(transport);
      const offMessage = transport.onMessage((raw, ports) => {
        void handle(raw, ports, connectionId, trusted).then((reply) => safeSend(transport, reply, log));
      });
      const detach = () => {
        offMessage();
        offClose();
        connections.delete(transport);
      };
      const offClose = transport.onClose(detach);
      return detach;
    },
    emit(event, payload) {
      const schema = Object.hasOwn(contract.events, event) ? contract.events[event] : undefined;
      const parsed = schema?.safeParse(payload);
      if (!parsed?.success) {
        log(`rpc: refusing to emit invalid ${event}`);
        return;
      }
      for (const t of connections) safeSend(t, { type: "evt", event, payload: parsed.data }, log);
    },
    get connections() {
      return connections.size;
    },
  };
}

function fail(id: RequestId | null, e: unknown): object {
  return { type: "res", id, ok: false, error: toWireError(e) };
}

function safeSend(transport: Transport, message: object, log: (l: string) => void): void {
  try {
    transport.send(message);
  } catch (e) {
    log(`rpc: send failed: ${String(e)}`);
  }
}
