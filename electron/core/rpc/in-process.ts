import type { ContractDef } from "../../common/rpc/define";
import { createClient, type TransportClient } from "../../common/rpc/client";
import { createMemoryPair } from "../../common/rpc/transport";
import type { Router } from "./router";

/**
 * A client connected to a router in the same process through the in-memory
 * transport: messages are still cloned, validated and routed exactly as over
 * a MessagePort or WebSocket. Used by the CLI and by tests. `trusted`
 * skips the router's guard: right for the CLI (the user's own shell), wrong
 * for anything that stands in for the UI.
 */
export function connectInProcess<C extends ContractDef>(contract: C, router: Router<C>, options: { trusted?: boolean } = { trusted: true }): TransportClient<C> {
  const [clientEnd, serverEnd] = createMemoryPair();
  router.attach(serverEnd, options);
  return createClient(contract, clientEnd);
}
