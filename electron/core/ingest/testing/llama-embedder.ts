import { getLlama, type LlamaEmbeddingContext, type LlamaModel } from "node-llama-cpp";
import type { Embedder } from "../../llm/embedder";

/**
 * Test-only: a real Embedder over node-llama-cpp and a GGUF (the project's
 * tiny test model: 64-dim vectors), one thread, vectors normalised.
 */
export async function llamaEmbedder(modelPath: string, modelId: string): Promise<Embedder & { dispose(): Promise<void> }> {
  const llama = await getLlama({ gpu: false, build: "never" });
  const model: LlamaModel = await llama.loadModel({ modelPath });
  const ctx: LlamaEmbeddingContext = await model.createEmbeddingContext({ threads: 1, contextSize: 512 });
  return {
    modelId,
    dimension: model.embeddingVectorSize,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (const t of texts) {
        // Keep inputs inside the context: the tiny model tokenises byte by byte.
        const tokens = model.tokenize(t).slice(0, 500);
        const v = Float32Array.from((await ctx.getEmbeddingFor(tokens)).vector);
        const norm = Math.hypot(...v) || 1;
        out.push(v.map((x) => x / norm));
      }
      return out;
    },
    async dispose() {
      await ctx.dispose();
      await model.dispose();
    },
  };
}
