import type { z } from "zod";
import type { CallDef, ContractDef, JobDef, MethodDef, OutputOf, ParsedInputOf } from "../../common/rpc/define";
import type { Transport } from "../../common/rpc/transport";
import { RequestMsg, RpcError, salvageId, type RequestId } from "../../common/rpc/wire";
import { invalidInputText, issuesText } from "../../common/rpc/issues";
import type { JobContext, JobManager } from "./jobs";
import { toWireError } from "./errors";

export interface CallContext {
  /** The connection the call came in on (for per-window state later). */
  readonly connectionId: number;
}

type Handler<D extends MethodDef> = D extends JobDef
  ? (input: ParsedInputOf<D>, job: JobContext) => Promise<OutputOf<D>>
  : D extends CallDef
    ? (input: ParsedInputOf<D>, ctx: CallContext) => Promise<OutputOf<D>> | OutputOf<D>
    : never;

export type Handlers<C extends ContractDef> = { [K in keyof C["methods"]]: Handler<C["methods"][K]> };

export interface Router<C extends ContractDef> {
  /**
   * Serve one connection; returns a function that detaches it. Connections
   * are untrusted (the options' guard applies) unless attached as trusted:
   * only the CLI's and tests' in-process clients are.
   */
  attach(transport: Transport, options?: { trusted?: boolean }): () => void;
  /** Validate and broadcast an event to every attached connection. */
  emit<E extends keyof C["events"] & string>(event: E, payload: z.input<C["events"][E]>): void;
  readonly connections: number;
}

export interface RouterOptions {
  jobs: JobManager;
  log?: (line: string) => void;
  /**
   * Runs on every validated request of an untrusted connection before its
   * handler; throws an RpcError to refuse it (e.g. a path the user never chose).
   */
  guard?: (method: string, input: unknown) => void;
}

/**
 * The core's side of the contract. Every incoming message is parsed against
 * the wire envelope and the method's input schema; results are checked
 * against the output schema. Nothing a peer sends can throw out of here.
 */
export function createRouter<C extends ContractDef>(contract: C, handlers: Handlers<C>, options: RouterOptions): Router<C> {
  const missing = Object.keys(contract.methods).filter((m) => typeof (handlers as Record<string, unknown>)[m] !== "function");
  if (missing.length) throw new Error(`router: no handler for ${missing.join(", ")}`);
  const log = options.log ?? (() => {});
  const connections = new Set<Transport>();
  let nextConnection = 1;

  async function handle(raw: unknown, connectionId: number, trusted: boolean): Promise<object> {
    const req = RequestMsg.safeParse(raw);
    if (!req.success) {
      log(`rpc: bad message: ${issuesText(req.error)}`);
      return fail(salvageId(raw), new RpcError("BAD_MESSAGE", "无法识别的消息", issuesText(req.error)));
    }
    const { id, method, params } = req.data;
    const def: MethodDef | undefined = Object.hasOwn(contract.methods, method) ? contract.methods[method] : undefined;
    if (!def) return fail(id, new RpcError("UNKNOWN_METHOD", `未知的调用：${method}`));
    const input = def.input.safeParse(params);
    if (!input.success) return fail(id, new RpcError("INVALID_INPUT", invalidInputText(input.error), issuesText(input.error)));
    const handler = (handlers as Record<string, (i: unknown, c: unknown) => unknown>)[method]!;
    try {
      if (!trusted) options.guard?.(method, input.data);
      if (def.kind === "job") {
        const validate = (r: unknown) => checkOutput(def, r, method);
        const jobId = options.jobs.start(method, (job) => Promise.resolve(handler(input.data, job)), validate);
        return { type: "res", id, ok: true, result: { jobId } };
      }
      const result = checkOutput(def, await handler(input.data, { connectionId }), method);
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
    throw new RpcError("INVALID_OUTPUT", "核心服务返回了不正确的数据", issuesText(out.error));
  }

  return {
    attach(transport, attachOptions) {
      const connectionId = nextConnection++;
      const trusted = attachOptions?.trusted === true;
      connections.add(transport);
      const offMessage = transport.onMessage((raw) => {
        void handle(raw, connectionId, trusted).then((reply) => safeSend(transport, reply, log));
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
      const schema = contract.events[event];
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
