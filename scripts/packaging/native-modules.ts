import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * What must be unpacked from app.asar: every native file (.node addons,
 * shared libraries such as sqlite-vec's vec0.so) of every package the app
 * ships, i.e. the production dependency closure of package.json.
 */
const NATIVE = /\.(node|so|dll|dylib)$/;
const SKIP_DIRS = new Set(["test", "tests", "obj.target", ".bin", "docs", "src", "deps"]);

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Package folders (relative to root) of the production closure that are installed. */
export function productionPackages(root: string): string[] {
  const seen = new Set<string>();
  const queue: { name: string; from: string }[] = [];
  const enqueue = (pkgDir: string) => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as PackageJson;
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push({ name, from: pkgDir });
  };
  enqueue(root);
  while (queue.length) {
    const { name, from } = queue.shift()!;
    const dir = resolvePackage(root, from, name);
    if (!dir || seen.has(dir)) continue; // optional dependency for another platform
    seen.add(dir);
    enqueue(dir);
  }
  return [...seen].map((d) => relative(root, d).split(sep).join("/")).sort();
}

/** Node's lookup: nested node_modules first, then upwards to the root. */
function resolvePackage(root: string, from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || !dir.startsWith(root)) return null;
    dir = join(dir, "..");
    if (relative(root, dir).startsWith("..")) return null;
  }
}

/** Native files inside a package folder (relative to root). */
export function nativeFiles(root: string, pkgRel: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && entry.name !== "node_modules") walk(full, depth + 1);
      } else if (NATIVE.test(entry.name) && statSync(full).size > 0) {
        out.push(relative(root, full).split(sep).join("/"));
      }
    }
  };
  walk(join(root, pkgRel), 0);
  return out;
}

/** electron-builder glob (`*`, `**`) to a RegExp over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function isCovered(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(path));
}
