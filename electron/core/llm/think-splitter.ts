import type { ChatChunk } from "./chat-model";

const OPEN = "<think>";
const CLOSE = "</think>";

/**
 * Splits a streamed reply into thought and answer at `<think>…</think>`
 * (DeepSeek-R1, Qwen3 served by an intranet server that does not separate
 * them itself). A tag may arrive cut across chunks, so the tail that could
 * still become a tag is held back until the next chunk.
 */
export class ThinkSplitter {
  private buffer = "";
  private inThought: boolean;

  /** `startInThought`: the template already opened `<think>` in the prompt (DeepSeek-R1). */
  constructor(options: { startInThought?: boolean } = {}) {
    this.inThought = options.startInThought ?? false;
  }

  push(text: string): ChatChunk[] {
    this.buffer += text;
    const out: ChatChunk[] = [];
    for (;;) {
      const tag = this.inThought ? CLOSE : OPEN;
      const at = this.buffer.indexOf(tag);
      if (at < 0) break;
      this.emit(out, this.buffer.slice(0, at));
      this.buffer = this.buffer.slice(at + tag.length);
      this.inThought = !this.inThought;
    }
    const keep = partialTagLength(this.buffer, this.inThought ? CLOSE : OPEN);
    this.emit(out, this.buffer.slice(0, this.buffer.length - keep));
    this.buffer = this.buffer.slice(this.buffer.length - keep);
    return out;
  }

  /** Whatever is left when the stream ends. */
  end(): ChatChunk[] {
    const out: ChatChunk[] = [];
    this.emit(out, this.buffer);
    this.buffer = "";
    return out;
  }

  private emit(out: ChatChunk[], text: string): void {
    if (text) out.push({ type: this.inThought ? "thought" : "text", text });
  }
}

/** Length of the longest suffix of `s` that is a proper prefix of `tag`. */
function partialTagLength(s: string, tag: string): number {
  for (let n = Math.min(s.length, tag.length - 1); n > 0; n--) {
    if (tag.startsWith(s.slice(s.length - n))) return n;
  }
  return 0;
}
