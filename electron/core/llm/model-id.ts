import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";

/**
 * sha256 of a file, streamed, with progress and cancellation (import and
 * verify of multi-GB models). Progress comes at once, then every 16 MiB or
 * quarter second, whichever is first, so a slow share still shows movement.
 */
export async function sha256File(path: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<string> {
  const total = (await stat(path)).size;
  const hash = createHash("sha256");
  let done = 0;
  let last = 0;
  let lastAt = Date.now();
  onProgress?.(0, total);
  const stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024, ...(signal ? { signal } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    done += chunk.length;
    if (onProgress && (done - last >= 16 * 1024 * 1024 || Date.now() - lastAt >= 250 || done === total)) {
      last = done;
      lastAt = Date.now();
      onProgress(done, total);
    }
  }
  return hash.digest("hex");
}

/**
 * An id for a GGUF used directly by path (CLI `--model`) that is not
 * imported: hashing a multi-GB file on every command would cost seconds, so
 * it is size + first and last MiB. Imported models use their full sha256.
 */
export async function quickModelId(path: string): Promise<string> {
  const { size } = await stat(path);
  const fh = await open(path, "r");
  try {
    const span = Math.min(size, 1024 * 1024);
    const head = Buffer.alloc(span);
    const tail = Buffer.alloc(span);
    await fh.read(head, 0, span, 0);
    await fh.read(tail, 0, span, Math.max(0, size - span));
    return `quick:${createHash("sha256").update(String(size)).update(head).update(tail).digest("hex")}`;
  } finally {
    await fh.close();
  }
}
