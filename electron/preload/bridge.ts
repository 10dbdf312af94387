import { contract, CoreState, type Contract } from "../common/contract";
import { createClient, type RpcClient } from "../common/rpc/client";
import { issuesText } from "../common/rpc/issues";
import { createSwitchableTransport } from "../common/rpc/switchable";
import { listenerSet, type Transport } from "../common/rpc/transport";
import { domPortPipe, pipeTransport, type DomPortLike } from "../common/rpc/ports";
import { RpcError, type ErrorCode } from "../common/rpc/wire";

/*
 * The testable heart of the preload: no "electron" import here, so vitest can
 * run it against real node:worker_threads ports. preload.ts only wires it to
 * ipcRenderer and contextBridge.
 */

/** What we use of a MessagePort; the DOM one (preload) and node:worker_threads' both fit. */
export type PortLike = DomPortLike;

/** A MessagePort as a Transport: messages are structured-cloned wire objects, not JSON. */
export function portTransport(port: PortLike): Transport {
  return pipeTransport(domPortPipe(port));
}

/** The core's health, pushed by main over IPC; validated here, the receiving side. */
export interface CoreStateFeed {
  /** Validate and publish; returns the state, or null when it was invalid (dropped). */
  push(raw: unknown): CoreState | null;
  /** New subscribers get the last known state right away (on a microtask). */
  subscribe(listener: (state: CoreState) => void): () => void;
  readonly last: CoreState | null;
}

export function createCoreStateFeed(onInvalid: (why: string) => void = () => {}): CoreStateFeed {
  const listeners = listenerSet<[CoreState]>();
  let last: CoreState | null = null;
  return {
    push(raw) {
      const parsed = CoreState.safeParse(raw);
      if (!parsed.success) {
        onInvalid(`invalid core.state: ${issuesText(parsed.error)}`);
        return null;
      }
      last = parsed.data;
      listeners.emit(parsed.data);
      return parsed.data;
    },
    subscribe(listener) {
      let active = true;
      const off = listeners.add(listener);
      const replay = last;
      if (replay) queueMicrotask(() => active && listener(replay));
      return () => {
        active = false;
        off();
      };
    },
    get last() {
      return last;
    },
  };
}

/**
 * How an error crosses contextBridge. The bridge copies an Error's message
 * only (custom properties such as `code` are lost), so window.api rejects
 * with this plain object instead; renderer/src/api turns it back into an
 * RpcError (`new RpcError(e.code, e.message, e.detail)`).
 */
export interface BridgeError {
  name: "RpcError";
  code: ErrorCode;
  message: string;
  detail?: string;
}

export function toBridgeError(error: unknown): BridgeError {
  const rpc =
    error instanceof RpcError ? error : new RpcError("INTERNAL", "调用失败", error instanceof Error ? error.message : String(error));
  const wire = rpc.toWire();
  return wire.detail === undefined
    ? { name: "RpcError", code: wire.code, message: wire.message }
    : { name: "RpcError", code: wire.code, message: wire.message, detail: wire.detail };
}

const hasOwn = (o: object, k: unknown): boolean => typeof k === "string" && Object.hasOwn(o, k);

/**
 * window.api: exactly RpcClient<Contract> ({ call, on }), nothing else.
 * `core.state` comes from main (the core cannot report its own death);
 * every other event and all calls go over the core port.
 */
export function createApi(client: RpcClient<Contract>, coreState: CoreStateFeed): RpcClient<Contract> {
  function call(method: string, input: unknown): Promise<unknown> {
    // Names come from page script: refuse "__proto__", "constructor" … before any lookup.
    if (!hasOwn(contract.methods, method)) return Promise.reject(toBridgeError(new RpcError("UNKNOWN_METHOD", `未知的调用：${String(method)}`)));
    if (coreState.last?.state === "failed") {
      return Promise.reject(toBridgeError(new RpcError("UNAVAILABLE", "核心服务未运行，请重试启动或联系信息技术部门")));
    }
    try {
      return (client.call as (m: string, i: unknown) => Promise<unknown>)(method, input).catch((e: unknown) => Promise.reject(toBridgeError(e)));
    } catch (e) {
      return Promise.reject(toBridgeError(e));
    }
  }
  function on(event: string, listener: (payload: unknown) => void): () => void {
    if (!hasOwn(contract.events, event)) throw new TypeError(`未知的事件：${String(event)}`);
    if (typeof listener !== "function") throw new TypeError("listener 必须是函数");
    if (event === "core.state") return coreState.subscribe(listener);
    return (client.on as (e: string, l: (p: unknown) => void) => () => void)(event, listener);
  }
  return { call, on } as RpcClient<Contract>;
}

export interface PreloadBridge {
  readonly api: RpcClient<Contract>;
  /** A port from main (first connection, reload, or core restart) replaces the previous one. */
  attachPort(port: PortLike): void;
  receiveCoreState(raw: unknown): void;
}

export function createPreloadBridge(options: { onInvalid?: (why: string) => void } = {}): PreloadBridge {
  const switchable = createSwitchableTransport();
  const client = createClient(contract, switchable, { onInvalid: options.onInvalid });
  const coreState = createCoreStateFeed(options.onInvalid);
  return {
    api: createApi(client, coreState),
    attachPort: (port) => switchable.attach(portTransport(port)),
    receiveCoreState(raw) {
      const state = coreState.push(raw);
      // The core is gone: fail calls in flight now (a "close" event on the
      // port may come late or not at all); new calls wait for the next port.
      if (state && (state.state === "restarting" || state.state === "failed")) switchable.detach();
    },
  };
}
