import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { formatOf } from "./extract";

/** A file to index: the path as found, and where it really is (symlinks resolved) when it was found. */
export interface CollectedFile {
  path: string;
  real: string;
}

export interface Collected {
  files: CollectedFile[];
  /** Paths that could not be taken, with the reason (missing, unsupported, a symlink loop, a link out of the folder). */
  rejected: { path: string; error: string }[];
}

export interface CollectOptions {
  signal?: AbortSignal;
  /**
   * A real path (symlinks already resolved, e.g. when the folder was set to
   * be watched): every path, named ones included, must really lie inside
   * it, so what a watcher reports is checked like a walk.
   */
  within?: string;
}

/** True when `real` is `root` or inside it (both real paths). */
export function isInside(root: string, real: string): boolean {
  const fold = (p: string): string => (process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p);
  const rel = relative(fold(root), fold(real));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Expands files and folders into the supported files under them. A folder
 * walk never leaves the folder: an entry whose real path (symlinks
 * resolved) lies outside the named folder's real path is skipped and
 * reported, so a link inside a folder the user chose cannot pull in
 * ~/.ssh or /etc. A path named directly is taken where it points (the UI's
 * named paths are checked by the path guard first). Folders are followed
 * once each (by real path), so a symlink loop ends; hidden entries are skipped.
 */
export async function collectFiles(paths: string[], options: CollectOptions = {}): Promise<Collected> {
  const out: Collected = { files: [], rejected: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const within = options.within ?? null;
  const visit = async (p: string, root: string | null, depth: number): Promise<void> => {
    if (options.signal?.aborted) return;
    const explicit = depth === 0;
    let st;
    let real: string;
    try {
      st = await stat(p);
      real = await realpath(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") out.rejected.push({ path: p, error: `符号链接形成循环，已跳过：${p}` });
      else if (explicit || !(await lstat(p).catch(() => null))) out.rejected.push({ path: p, error: `找不到文件或文件夹：${p}` });
      else out.rejected.push({ path: p, error: `无法访问：${p}` });
      return;
    }
    if (root !== null && !isInside(root, real)) {
      out.rejected.push({ path: p, error: `符号链接指向所选文件夹之外（${real}），为安全起见未读取：${p}` });
      return;
    }
    if (st.isDirectory()) {
      if (seenDirs.has(real)) {
        if ((await lstat(p)).isSymbolicLink()) out.rejected.push({ path: p, error: `符号链接指向已添加过的文件夹（可能形成循环），已跳过：${p}` });
        return;
      }
      if (depth > 64) {
        out.rejected.push({ path: p, error: `文件夹层级过深，已跳过：${p}` });
        return;
      }
      seenDirs.add(real);
      const entries = await readdir(p).catch(() => null);
      if (!entries) {
        out.rejected.push({ path: p, error: `无法读取文件夹：${p}` });
        return;
      }
      // What is under a named folder stays under its real path.
      const inner = root ?? real;
      for (const name of entries.sort()) {
        if (name.startsWith(".") || name.startsWith("~$")) continue;
        await visit(join(p, name), inner, depth + 1);
      }
      return;
    }
    if (!st.isFile()) return;
    if (!formatOf(p)) {
      if (explicit) out.rejected.push({ path: p, error: `不支持的文件类型：${basename(p)}` });
      return;
    }
    if (seenFiles.has(p)) return;
    seenFiles.add(p);
    out.files.push({ path: p, real });
  };
  for (const p of paths) await visit(resolve(p), within, 0);
  return out;
}
