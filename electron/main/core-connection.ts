/**
 * Connecting renderers to the core (DESIGN.md "Processes"): main relays
 * nothing itself, it only hands out the two ends of a fresh MessageChannel,
 * port1 to the core (port.connect, common/host-contract.ts) and, once the
 * core serves it, port2 to the window's preload. Generic over the port type
 * so tests can use node:worker_threads ports; in the app P is
 * MessagePortMain, the core is the utilityProcess and the renderer is a
 * window's webContents.
 */
import { CORE_PORT_CHANNEL } from "../common/ipc-channels";

export interface PortPair<P> {
  port1: P;
  port2: P;
}

export interface CoreEndpoint<P> {
  /** Resolves once the core serves the port (main's CoreLink.connectRenderer). */
  connect(port: P): Promise<void>;
}

export interface RendererEndpoint<P> {
  postMessage(channel: string, message: unknown, transfer: P[]): void;
  isDestroyed(): boolean;
}

/** The window gets its end only after the core took the other, so a dead core never leaves it a dangling port. */
export async function connectRenderer<P>(core: CoreEndpoint<P>, renderer: RendererEndpoint<P>, newChannel: () => PortPair<P>): Promise<void> {
  const { port1, port2 } = newChannel();
  await core.connect(port1);
  if (!renderer.isDestroyed()) renderer.postMessage(CORE_PORT_CHANNEL, null, [port2]);
}

export interface CoreConnections<P, R extends RendererEndpoint<P>> {
  addRenderer(renderer: R): void;
  removeRenderer(renderer: R): void;
  /** A (re)started core is up: every live renderer gets a new port to it. */
  coreStarted(core: CoreEndpoint<P>): void;
  /** The core is gone (crashed, restarting, failed, stopped): nothing to connect to. */
  coreStopped(): void;
  /** A trusted preload asked for a port (first load or reload). False when the core is down or the renderer unknown; the port follows once the core serves it. */
  portRequested(renderer: R): boolean;
  readonly renderers: number;
}

export function createCoreConnections<P, R extends RendererEndpoint<P>>(
  newChannel: () => PortPair<P>,
  log: (line: string) => void = () => {},
): CoreConnections<P, R> {
  const renderers = new Set<R>();
  let core: CoreEndpoint<P> | null = null;

  function connect(renderer: R): boolean {
    if (!core) return false;
    if (renderer.isDestroyed()) {
      renderers.delete(renderer);
      return false;
    }
    // The core may die between its exit and our hearing of it; the supervisor reconnects after restart.
    connectRenderer(core, renderer, newChannel).catch((e: unknown) => log(`core-connection: cannot connect: ${e instanceof Error ? e.message : String(e)}`));
    return true;
  }

  return {
    addRenderer: (r) => void renderers.add(r),
    removeRenderer: (r) => void renderers.delete(r),
    coreStarted(next) {
      core = next;
      for (const r of [...renderers]) connect(r);
    },
    coreStopped() {
      core = null;
    },
    portRequested(r) {
      return renderers.has(r) && connect(r);
    },
    get renderers() {
      return renderers.size;
    },
  };
}
