import type { RpcClient } from "../../../electron/common/rpc/client";
import type { InputOf, JobNames, OutputOf } from "../../../electron/common/rpc/define";
import { contract, type Contract, type CoreState } from "../../../electron/common/contract";
import { createClient } from "../../../electron/common/rpc/client";
import { runJob as runJobOver, type JobRunOptions } from "../../../electron/common/rpc/run-job";
import { createSwitchableTransport } from "../../../electron/common/rpc/switchable";
import { bridgedClient } from "./bridged";
import { browserConnector } from "./browser-socket";
import { createCoreStateCell, type CoreStateCell } from "./core-state";
import { startReconnecting } from "./reconnect";
import { serveRpcUrl } from "./serve-url";

/**
 * The renderer's one way to the core. Under Electron the preload's
 * `window.api` is already a typed client; in a plain browser (`govdesk
 * serve`) we build the same client over a reconnecting WebSocket. Everything
 * else in the renderer imports `api`, never window.api or WebSocket.
 */
export type HostMode = "electron" | "serve";

interface Host {
  mode: HostMode;
  client: RpcClient<Contract>;
  coreState: CoreStateCell;
}

const STARTING: CoreState = { state: "starting", attempt: 0 };

function electronHost(api: RpcClient<Contract>): Host {
  const bridged = bridgedClient(api);
  const coreState = createCoreStateCell(STARTING);
  bridged.on("core.state", (s) => coreState.set(s));
  // Main may have announced "running" before this page loaded; a call that
  // succeeds proves the core is up, unless an event already said otherwise.
  bridged.call("app.info", {}).then(
    () => {
      if (coreState.get().state === "starting") coreState.set({ state: "running", attempt: 0 });
    },
    () => {},
  );
  return { mode: "electron", client: bridged, coreState };
}

function serveHost(): Host {
  const coreState = createCoreStateCell(STARTING);
  const transport = createSwitchableTransport();
  const client = createClient(contract, transport, {
    onInvalid: (why) => console.warn(`[govdesk] dropped message: ${why}`),
  });
  // A serve host that supervises its own core may report on the wire too.
  client.on("core.state", (s) => coreState.set(s));
  startReconnecting({
    connect: browserConnector(serveRpcUrl(window.location)),
    target: transport,
    onState: (s) => coreState.set(s),
  });
  return { mode: "serve", client, coreState };
}

const host: Host = window.api ? electronHost(window.api) : serveHost();

export const api: RpcClient<Contract> = host.client;
export const hostMode: HostMode = host.mode;

export function getCoreState(): CoreState {
  return host.coreState.get();
}

/** Listen to core health changes (both hosts); returns an unsubscribe function. */
export function onCoreState(listener: (state: CoreState) => void): () => void {
  return host.coreState.subscribe(listener);
}

type Methods = Contract["methods"];

/** Start a job and await its result with progress and cancellation (see run-job.ts). */
export function runJob<K extends JobNames<Methods>>(
  method: K,
  input: InputOf<Methods[K]>,
  opts?: JobRunOptions,
): Promise<OutputOf<Methods[K]>> {
  return runJobOver(contract, api, method, input, opts);
}

export { errorText } from "./errors";
export type { JobRunOptions };
