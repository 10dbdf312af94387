import { randomBytes } from "node:crypto";
import { lstat, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { RpcError } from "../../../common/rpc/wire";

/**
 * How the core writes a file a user asked for (an export, a knowledge pack,
 * a drafted document). Which paths the UI may name for writing is the path
 * guard's rule (path-guard.ts: only a file chosen in a save dialog, once);
 * this is how such a file is written, wherever the request came from:
 *
 * - into a new temporary file beside the target, created exclusively
 *   (O_EXCL), so a symlink planted under that name is never followed;
 * - renamed over the target in one step when complete: a failed or
 *   cancelled write leaves the old file as it was and no half file;
 * - the target may be a regular file or nothing; never a folder, device or
 *   pipe; a symlink at the target is replaced, not written through.
 */
export interface WriteTarget {
  /** The file being written (renamed to the target by commit). */
  readonly tempPath: string;
  /** A stream into the temporary file; end it before commit(). */
  stream(): Writable;
  /** Flushes and renames the temporary file onto the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is untouched. Safe to call after a failed commit. */
  abort(): Promise<void>;
}

export async function openWriteTarget(path: string): Promise<WriteTarget> {
  const target = resolve(path);
  const st = await lstat(target).catch(() => null);
  if (st && !st.isFile() && !st.isSymbolicLink()) throw new RpcError("INVALID_INPUT", `不能写入“${target}”：它不是普通文件（是文件夹或设备）。请换一个文件名。`);
  const tempPath = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.part`);
  let fh: FileHandle;
  try {
    fh = await open(tempPath, "wx");
  } catch (e) {
    throw new RpcError("INVALID_INPUT", `无法写入“${target}”：请检查文件夹是否存在、是否有写权限。`, String(e));
  }
  let stream: Writable | null = null;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (stream) {
      if (!stream.writableFinished && !stream.destroyed) stream.destroy();
      await new Promise<void>((r) => (stream!.closed ? r() : stream!.once("close", () => r())));
    } else await fh.close();
  };
  return {
    tempPath,
    stream() {
      stream ??= fh.createWriteStream();
      return stream;
    },
    async commit() {
      if (stream) {
        if (!stream.writableFinished) throw new Error("write target: end the stream before commit");
      } else await fh.sync();
      await close();
      await rename(tempPath, target);
    },
    async abort() {
      await close().catch(() => {});
      await rm(tempPath, { force: true });
    },
  };
}

/** Writes `bytes` to `path` through a write target (all or nothing). */
export async function writeFileSafely(path: string, bytes: Uint8Array | string): Promise<void> {
  const t = await openWriteTarget(path);
  try {
    const stream = t.stream();
    await new Promise<void>((resolveEnd, reject) => {
      stream.once("error", reject);
      stream.end(bytes, () => resolveEnd());
    });
    await t.commit();
  } catch (e) {
    await t.abort();
    if (e instanceof RpcError) throw e;
    throw new RpcError("INVALID_INPUT", `无法写入“${resolve(path)}”：请检查文件夹是否存在、是否有写权限。`, String(e));
  }
}
