import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { formatOf } from "./extract";

export interface Collected {
  files: string[];
  /** Paths that could not be taken, with the reason (missing, unsupported, a symlink loop). */
  rejected: { path: string; error: string }[];
}

/**
 * Expands files and folders into the supported files under them. Folders
 * are followed through symlinks once each (by real path), so a symlink loop
 * ends instead of recursing forever; hidden entries are skipped.
 */
export async function collectFiles(paths: string[], signal?: AbortSignal): Promise<Collected> {
  const out: Collected = { files: [], rejected: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const visit = async (p: string, explicit: boolean, depth: number): Promise<void> => {
    if (signal?.aborted) return;
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") out.rejected.push({ path: p, error: `符号链接形成循环，已跳过：${p}` });
      else if (explicit || !(await lstat(p).catch(() => null))) out.rejected.push({ path: p, error: `找不到文件或文件夹：${p}` });
      else out.rejected.push({ path: p, error: `无法访问：${p}` });
      return;
    }
    if (st.isDirectory()) {
      const real = await realpath(p);
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
      for (const name of entries.sort()) {
        if (name.startsWith(".") || name.startsWith("~$")) continue;
        await visit(join(p, name), false, depth + 1);
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
    out.files.push(p);
  };
  for (const p of paths) await visit(resolve(p), true, 0);
  return out;
}
