import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** A place the UI may name: one file, or a folder and everything under it. */
export interface PathRoot {
  path: string;
  scope: "file" | "tree";
  /** Refuse anything under a hidden (dot) folder or file below the root, e.g. ~/.ssh for a home-folder root. */
  skipHidden?: boolean;
}

/**
 * The real path of `p` with symlinks resolved, so a link inside an allowed
 * folder that points outside it is judged by where it points. A path that
 * does not exist yet (an export target) is its real parent plus its name.
 */
export function realPath(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = dirname(abs);
    if (parent === abs) return abs;
    return join(realPath(parent), basename(abs));
  }
}

const fold = (p: string): string => (process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p);

/** Whether real path `target` is the root itself or (for a tree) lies under it. */
export function isUnder(root: PathRoot, target: string): boolean {
  const base = fold(realPath(root.path));
  const t = fold(target);
  if (t === base) return true;
  if (root.scope === "file") return false;
  const rel = relative(base, t);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) return false;
  return !root.skipHidden || !rel.split(sep).some((part) => part.startsWith("."));
}

export function isUnderAny(roots: Iterable<PathRoot>, target: string): boolean {
  for (const r of roots) if (isUnder(r, target)) return true;
  return false;
}
