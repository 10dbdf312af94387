import type { ChatChunk } from "../llm/chat-model";

/** How often streamed text goes out at most: often enough to look live, rarely enough to cost nothing. */
export const DELTA_INTERVAL_MS = 40;

/**
 * Coalesces streamed pieces into one event per interval (per kind, in
 * order), so a fast model does not cost an RPC event and a re-render per
 * token. `flush()` sends what is left; call it before the job finishes.
 */
export function deltaBuffer(send: (c: ChatChunk) => void, intervalMs = DELTA_INTERVAL_MS): { push: (c: ChatChunk) => void; flush: () => void } {
  let pending: ChatChunk | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending && pending.text) send(pending);
    pending = null;
  };
  return {
    push(c) {
      if (pending && pending.type !== c.type) flush();
      pending = pending ? { type: c.type, text: pending.text + c.text } : { ...c };
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}
