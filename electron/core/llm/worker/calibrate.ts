import type { LlamaModel } from "node-llama-cpp";

export interface ThreadTiming {
  threads: number;
  tokensPerSecond: number;
}

const PROMPT = "请简要介绍一下政府办公室的日常工作。";

/**
 * Generation speed of `model` at each thread count: a small context per
 * count, a short prompt, then `tokens` tokens decoded greedily, timed from
 * the first generated token to the last (prompt evaluation left out: decode
 * speed is what a user waits on). Each count runs twice, alternating, and
 * keeps its better run, so one moment of load on the machine does not decide.
 */
export async function calibrateThreads(model: LlamaModel, candidates: number[], tokens: number, signal?: AbortSignal): Promise<ThreadTiming[]> {
  const best = new Map<number, number>();
  for (let round = 0; round < 2; round++) {
    for (const threads of round ? [...candidates].reverse() : candidates) {
      signal?.throwIfAborted();
      const context = await model.createContext({ contextSize: 256, threads, sequences: 1 });
      try {
        const sequence = context.getSequence();
        let produced = 0;
        let first = 0;
        let last = 0;
        for await (const _token of sequence.evaluate(model.tokenize(PROMPT), { temperature: 0 })) {
          last = performance.now();
          if (produced === 0) first = last;
          if (++produced > tokens) break;
        }
        const rate = last > first ? ((produced - 1) / (last - first)) * 1000 : 0;
        best.set(threads, Math.max(best.get(threads) ?? 0, rate));
      } finally {
        await context.dispose();
      }
    }
  }
  return candidates.map((threads) => ({ threads, tokensPerSecond: best.get(threads) ?? 0 }));
}
