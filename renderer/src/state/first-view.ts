/** What firstView() watches: a zustand store, or anything with the same two methods. */
export interface Watched<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Resolves once `ready()` holds (checked now and on every change of `stores`),
 * or after `maxMs` whatever the stores hold. The window waits on it before its
 * first render, for its socket to the core: drawn before, the whole shell
 * rendered again moments later only to show "运行中" (~0.1 s of main-thread
 * work on 2 cores, issue 15), while the socket opens 15–50 ms after the main
 * bundle has run. Waiting for the settings and app info as well cost more
 * than the renders it saved (a paired run: 44 ms slower). The cap keeps a
 * slow or absent core from holding up the window: it then opens showing that
 * the core is starting.
 */
export function firstView(stores: readonly Watched<unknown>[], ready: () => boolean, maxMs: number): Promise<"ready" | "timeout"> {
  return new Promise((resolve) => {
    if (ready()) return resolve("ready");
    const unsubscribe = stores.map((s) => s.subscribe(() => ready() && finish("ready")));
    const timer = setTimeout(() => finish("timeout"), maxMs);
    function finish(how: "ready" | "timeout"): void {
      clearTimeout(timer);
      for (const u of unsubscribe) u();
      resolve(how);
    }
  });
}
