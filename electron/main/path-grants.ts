import { isAbsolute } from "node:path";
import { DroppedPaths } from "../common/desktop";
import type { GrantedRoot } from "../common/host-contract";

export interface GrantRelay {
  /** Sends the grant to the core and resolves once the core has it in force (or after the timeout). */
  grant(roots: GrantedRoot[]): Promise<void>;
  /** A (re)started core knows nothing: send it every grant of this session again. */
  coreStarted(): void;
}

export interface GrantRelayOptions {
  /** paths.grant on the running core (resolves once in force); null when no core is running. */
  send(roots: GrantedRoot[]): Promise<void> | null;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Main's side of path grants (paths.grant, common/host-contract.ts): what
 * the user chose in the dialog or dropped on the window becomes usable by the
 * page only after the core has it in force, and survives a restart of the core.
 */
export function createGrantRelay(options: GrantRelayOptions): GrantRelay {
  const timeoutMs = options.timeoutMs ?? 5000;
  const all: GrantedRoot[] = [];

  function post(roots: GrantedRoot[]): Promise<void> {
    const sent = options.send(roots);
    if (!sent) return Promise.resolve(); // no core: coreStarted() sends it
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        options.log?.(`path grants: the core did not confirm a grant in ${timeoutMs} ms`);
        resolve();
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      sent.then(done, (e: unknown) => {
        options.log?.(`path grants: ${e instanceof Error ? e.message : String(e)}`);
        done();
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
    coreStarted() {
      if (all.length) void post([...all]);
    },
  };
}

/** The file chosen in a save dialog: it may be written once (common/host-contract.ts). */
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
