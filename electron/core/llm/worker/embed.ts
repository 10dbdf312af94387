import type { Token } from "node-llama-cpp";
import type { EmbedOutcome } from "../worker-contract";
import { takeTurn, type EmbedSlot } from "./loaded-models";

/**
 * Embeds texts in order, spread over the slot's contexts so several run at
 * once. Inputs longer than the context are cut to fit as tokens first, so
 * llama.cpp never sees an oversize batch; vectors come back unit-length.
 */
export async function runEmbed(slot: EmbedSlot, texts: string[], signal: AbortSignal): Promise<EmbedOutcome> {
  return takeTurn(slot, async () => {
    const limit = Math.max(1, slot.contextSize - 2);
    const vectors: number[][] = new Array<number[]>(texts.length);
    let next = 0;
    // Each context takes the next text as soon as it is free.
    await Promise.all(
      slot.contexts.map(async (context) => {
        while (next < texts.length) {
          if (signal.aborted) throw new Error("cancelled");
          const i = next++;
          // Tokenised once here (not again inside getEmbeddingFor), cut to the context if longer.
          let tokens: Token[] = slot.model.tokenize(texts[i]!.length ? texts[i]! : " ");
          if (tokens.length > limit) tokens = tokens.slice(0, limit);
          vectors[i] = normalise((await context.getEmbeddingFor(tokens)).vector);
        }
      }),
    );
    return { dimension: slot.model.embeddingVectorSize, vectors };
  });
}

export function normalise(v: readonly number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  return norm > 0 ? v.map((x) => x / norm) : v.map(() => 0);
}
