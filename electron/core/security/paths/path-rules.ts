import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * A place the UI may name: one file, or a folder and everything under it,
 * to read; or ("save") the one file the user chose in a save dialog, to write.
 */
export interface PathRoot {
  path: string;
  scope: "file" | "tree" | "save";
  /** Refuse anything under a hidden (dot) folder or file below the root, e.g. ~/.ssh for a home-folder root. */
  skipHidden?: boolean;
  /**
   * `path` is already a real path, resolved when the root was set (a grant,
   * a watched folder): it is not resolved again, so a link retargeted
   * since does not move the root.
   */
  real?: boolean;
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

/** The path itself when nothing in it is a symlink (its real path is itself), else null. */
export function plainPath(p: string): string | null {
  const abs = resolve(p);
  return samePath(realPath(abs), abs) ? abs : null;
}

/** The same path, as the platform compares names (case-insensitively on Windows and macOS). */
export function samePath(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

const fold = (p: string): string => (process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p);

/**
 * A test of real paths against a set of roots, each root's own real path
 * resolved once (a request may name thousands of files).
 */
export function rootMatcher(roots: Iterable<PathRoot>): (target: string) => boolean {
  const bases = [...roots].map((r) => ({ ...r, base: fold(r.real ? r.path : realPath(r.path)) }));
  return (target) => {
    const t = fold(target);
    return bases.some((r) => {
      if (r.scope === "save") return false; // a save target is written, never read through this
      if (t === r.base) return true;
      if (r.scope === "file") return false;
      const rel = relative(r.base, t);
      if (!rel || rel.startsWith("..") || isAbsolute(rel)) return false;
      return !r.skipHidden || !rel.split(sep).some((part) => part.startsWith("."));
    });
  };
}
