import { isAbsolute } from "node:path";
import { DroppedPaths } from "../common/desktop";
import { GRANT_PATHS_TYPE, GrantPathsDone, type GrantedRoot } from "../common/path-grants";

export interface GrantRelay {
  /** Sends the grant to the core and resolves once the core has it in force (or after the timeout). */
  grant(roots: GrantedRoot[]): Promise<void>;
  /** A message from the core: true when it was a grant acknowledgement. */
  handle(message: unknown): boolean;
  /** A (re)started core knows nothing: send it every grant of this session again. */
  coreStarted(): void;
}

export interface GrantRelayOptions {
  /** Posts to the core's parentPort; false when no core is running. */
  send(message: unknown): boolean;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Main's side of path grants (common/path-grants.ts): what the user chose in
 * the dialog or dropped on the window becomes usable by the page only after
 * the core has acknowledged it, and survives a restart of the core.
 */
export function createGrantRelay(options: GrantRelayOptions): GrantRelay {
  const timeoutMs = options.timeoutMs ?? 5000;
  const all: GrantedRoot[] = [];
  const waiting = new Map<number, () => void>();
  let nextId = 1;

  function post(roots: GrantedRoot[]): Promise<void> {
    const id = nextId++;
    return new Promise<void>((resolve) => {
      if (!options.send({ type: GRANT_PATHS_TYPE, id, roots })) return resolve(); // no core: coreStarted() sends it
      const timer = setTimeout(() => {
        waiting.delete(id);
        options.log?.(`path grants: the core did not confirm grant ${id} in ${timeoutMs} ms`);
        resolve();
      }, timeoutMs);
      waiting.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  return {
    grant(roots) {
      if (!roots.length) return Promise.resolve();
      // A save target may be written once: a restarted core does not get it again.
      all.push(...roots.filter((r) => r.scope !== "save"));
      return post(roots);
    },
    handle(message) {
      const done = GrantPathsDone.safeParse(message);
      if (!done.success) return false;
      const resolve = waiting.get(done.data.id);
      waiting.delete(done.data.id);
      resolve?.();
      return true;
    },
    coreStarted() {
      if (all.length) void post([...all]);
    },
  };
}

/** The file chosen in a save dialog: it may be written once (common/path-grants.ts). */
export function saveRoot(path: string): GrantedRoot {
  return { path, scope: "save" };
}

/** Dialog results as grants: a chosen folder covers what is under it, a chosen file only itself. */
export function dialogRoots(paths: string[], kind: "file" | "folder"): GrantedRoot[] {
  return paths.map((path) => ({ path, scope: kind === "folder" ? "tree" : "file" }));
}

/**
 * Paths the preload read from dropped File objects: absolute paths of things
 * that exist; a dropped folder covers what is under it.
 */
export function droppedRoots(raw: unknown, kindOf: (path: string) => "file" | "folder" | null): GrantedRoot[] {
  const parsed = DroppedPaths.safeParse(raw);
  if (!parsed.success) return [];
  const roots: GrantedRoot[] = [];
  for (const path of parsed.data) {
    if (!isAbsolute(path)) continue;
    const kind = kindOf(path);
    if (kind) roots.push({ path, scope: kind === "folder" ? "tree" : "file" });
  }
  return roots;
}
