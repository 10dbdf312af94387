import type { z } from "zod";
import type { ContractDef, InputOf, ReplyOf } from "./define";
import type { Transport } from "./transport";
import { RpcError, ServerMsg, type RequestId } from "./wire";
import { issuesText } from "./issues";

type MethodsOf<C extends ContractDef> = C["methods"];
type EventsOf<C extends ContractDef> = C["events"];

/** What every client offers, however it reaches the core (transport, window.api). */
export interface RpcClient<C extends ContractDef> {
  call<K extends keyof MethodsOf<C> & string>(
    method: K,
    input: InputOf<MethodsOf<C>[K]>,
    options?: CallOptions,
  ): Promise<ReplyOf<MethodsOf<C>[K]>>;
  on<E extends keyof EventsOf<C> & string>(
    event: E,
    listener: (payload: z.output<EventsOf<C>[E]>) => void,
  ): () => void;
}

export interface CallOptions {
  /** MessagePorts to hand over with the request (main → core and model worker only). */
  transfer?: readonly unknown[];
}

export interface TransportClient<C extends ContractDef> extends RpcClient<C> {
  close(): void;
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: RpcError) => void;
}

interface ClientOptions {
  /** Called for messages that fail validation; they are dropped. */
  onInvalid?: (why: string) => void;
  /** The error pending calls fail with when the pipe closes (default: the core is unreachable). */
  closedError?: () => RpcError;
}

/**
 * The typed client of the contract, over any transport. It validates input
 * before sending (a bad call fails here, with the same error the core would
 * give) and validates replies and events before handing them to the caller.
 */
export function createClient<C extends ContractDef>(
  contract: C,
  transport: Transport,
  options: ClientOptions = {},
): TransportClient<C> {
  let nextId = 1;
  const pending = new Map<RequestId, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invalid = options.onInvalid ?? (() => {});
  const closedError = options.closedError ?? (() => new RpcError("UNAVAILABLE", "与核心服务的连接已断开，请稍后重试"));

  const unsubMessage = transport.onMessage((raw) => {
    const parsed = ServerMsg.safeParse(raw);
    if (!parsed.success) return invalid(`unparseable message: ${issuesText(parsed.error)}`);
    const msg = parsed.data;
    if (msg.type === "evt") return deliverEvent(msg.event, msg.payload);
    const entry = msg.id === null ? undefined : pending.get(msg.id);
    if (!entry || msg.id === null) return invalid(`reply to unknown request ${String(msg.id)}`);
    pending.delete(msg.id);
    if (!msg.ok) return entry.reject(new RpcError(msg.error.code, msg.error.message, msg.error.detail));
    const def = contract.methods[entry.method];
    const schema = def?.kind === "call" ? def.output : null;
    if (!schema) return entry.resolve(msg.result);
    const out = schema.safeParse(msg.result);
    if (out.success) entry.resolve(out.data);
    else entry.reject(new RpcError("INVALID_OUTPUT", "核心返回的数据格式不正确", issuesText(out.error)));
  });

  const unsubClose = transport.onClose(() => {
    const error = closedError();
    for (const [, p] of pending) p.reject(error);
    pending.clear();
  });

  function deliverEvent(event: string, payload: unknown): void {
    const schema = Object.hasOwn(contract.events, event) ? contract.events[event] : undefined;
    if (!schema) return invalid(`unknown event ${event}`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return invalid(`invalid ${event}: ${issuesText(parsed.error)}`);
    for (const l of [...(listeners.get(event) ?? [])]) l(parsed.data);
  }

  function rawCall(method: string, input: unknown, callOptions: CallOptions = {}): Promise<unknown> {
    const def = Object.hasOwn(contract.methods, method) ? contract.methods[method] : undefined;
    if (!def) return Promise.reject(new RpcError("UNKNOWN_METHOD", `未知的调用：${method}`));
    const checked = def.input.safeParse(input);
    if (!checked.success) {
      return Promise.reject(new RpcError("INVALID_INPUT", "请求参数不正确", issuesText(checked.error)));
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { method, resolve, reject });
      try {
        transport.send({ type: "req", id, method, params: input }, callOptions.transfer);
      } catch (e) {
        pending.delete(id);
        reject(new RpcError("UNAVAILABLE", closedError().message, String(e)));
      }
    });
  }

  function on(event: string, listener: (payload: unknown) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  return {
    call: rawCall as RpcClient<C>["call"],
    on: on as RpcClient<C>["on"],
    close() {
      unsubMessage();
      unsubClose();
      transport.close();
    },
  };
}
