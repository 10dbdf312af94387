import { RpcError } from "../../common/rpc/wire";

/**
 * Waits for `work` unless `signal` aborts first, then rejects at once with
 * CANCELLED. The work itself goes on (for shared work that cannot be stopped,
 * such as loading a model); a rejection it gives after that is swallowed here,
 * so whoever owns the work reports it.
 */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(new RpcError("CANCELLED", "已取消"));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      work.catch(() => {});
      reject(new RpcError("CANCELLED", "已取消"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
