import { DELTA_INTERVAL_MS } from "../assistant/delta-buffer";

/**
 * Coalesces a model's streamed JSON into one event per interval per part
 * (outline, section n, polish), in order, like the assistant's delta buffer;
 * `flush()` sends the rest before the job's own result.
 */
export function keyedDeltas<K extends string | number>(send: (key: K, text: string) => void, intervalMs = DELTA_INTERVAL_MS): { push: (key: K, text: string) => void; flush: () => void } {
  let pending: { key: K; text: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending?.text) send(pending.key, pending.text);
    pending = null;
  };
  return {
    push(key, text) {
      if (pending && pending.key !== key) flush();
      pending = pending ? { key, text: pending.text + text } : { key, text };
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}
