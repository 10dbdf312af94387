import type { CoreState } from "../../../electron/common/contract";

/**
 * The core's health as this window sees it. Under Electron it comes from
 * main's `core.state` events; under `govdesk serve` the WebSocket reconnect
 * loop produces it locally (nothing on the wire can say "the wire is down").
 */
export interface CoreStateCell {
  get(): CoreState;
  set(next: CoreState): void;
  /** The listener is called on every change, not with the current value. */
  subscribe(listener: (state: CoreState) => void): () => void;
}

export function createCoreStateCell(initial: CoreState): CoreStateCell {
  let current = initial;
  const listeners = new Set<(state: CoreState) => void>();
  return {
    get: () => current,
    set(next) {
      if (sameState(current, next)) return;
      current = next;
      for (const l of [...listeners]) l(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sameState(a: CoreState, b: CoreState): boolean {
  return a.state === b.state && a.attempt === b.attempt && a.message === b.message;
}
