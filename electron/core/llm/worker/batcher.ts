type Chunk = { type: "text" | "thought"; text: string };

/**
 * Coalesces streamed pieces for the trip to the core: the first goes out at
 * once (time to first token), later ones at most every `intervalMs`, merged
 * by type. One message per token costs the worker more time serialising IPC
 * than a small model needs to produce the token.
 */
export class ChunkBatcher {
  private pending: Chunk[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sentFirst = false;

  constructor(
    private readonly send: (chunk: Chunk) => void,
    private readonly intervalMs = 20,
  ) {}

  push(chunk: Chunk): void {
    if (!this.sentFirst) {
      this.sentFirst = true;
      this.send(chunk);
      return;
    }
    const last = this.pending.at(-1);
    if (last && last.type === chunk.type) last.text += chunk.text;
    else this.pending.push({ ...chunk });
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending now; call before the final result. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const c of this.pending) this.send(c);
    this.pending = [];
  }
}
