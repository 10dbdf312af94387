import { getLlama, LlamaChatSession, type ChatHistoryItem, type LlamaContext, type LlamaModel } from "node-llama-cpp";
import type { ChatModel, ChatRequest, ChatResult } from "../../llm/chat-model";

export interface TestChatModel extends ChatModel {
  /** Every request's exact prompt size in tokens (as templated) and its maxTokens. */
  readonly calls: { promptTokens: number; maxTokens: number; user: string; system: string; temperature: number | undefined; history: string[] }[];
  /** Exact templated prompt size of a request, without generating. */
  measure(req: Pick<ChatRequest, "system" | "messages">): number;
  dispose(): Promise<void>;
}

/**
 * A REAL ChatModel over node-llama-cpp for tests (the test model: random
 * weights, gibberish, never an end token, so callers must pass maxTokens).
 * It refuses a request whose templated prompt + maxTokens would overflow the
 * context, so a budget mistake in the assistant fails the test instead of
 * being silently trimmed.
 */
export async function loadTestChatModel(modelPath: string, contextSize = 512): Promise<TestChatModel> {
  const llama = await getLlama({ gpu: false, build: "never" });
  const model: LlamaModel = await llama.loadModel({ modelPath });
  const context: LlamaContext = await model.createContext({ threads: 1, contextSize });
  const sequence = context.getSequence();
  // One session for all requests: creating one costs ~0.4 s; each request replaces its history.
  const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
  const calls: TestChatModel["calls"] = [];
  let queue: Promise<unknown> = Promise.resolve();

  function toHistory(req: Pick<ChatRequest, "system" | "messages">): { history: ChatHistoryItem[]; last: string } {
    const last = req.messages.at(-1);
    if (!last || last.role !== "user") throw new Error("test model: the last message must be the user's");
    const history: ChatHistoryItem[] = [];
    if (req.system) history.push({ type: "system", text: req.system });
    for (const m of req.messages.slice(0, -1)) {
      history.push(m.role === "user" ? { type: "user", text: m.content } : { type: "model", response: [m.content] });
    }
    return { history, last: last.content };
  }

  function measure(req: Pick<ChatRequest, "system" | "messages">): number {
    const { history, last } = toHistory(req);
    const full: ChatHistoryItem[] = [...history, { type: "user", text: last }, { type: "model", response: [] }];
    return session.chatWrapper.generateContextState({ chatHistory: full }).contextText.tokenize(model.tokenizer).length;
  }

  async function generate(req: ChatRequest): Promise<ChatResult> {
    const maxTokens = req.maxTokens ?? 64;
    const { history, last: lastText } = toHistory(req);
    const last = { content: lastText };
    try {
      const promptTokens = measure(req);
      calls.push({ promptTokens, maxTokens, user: last.content, system: req.system ?? "", temperature: req.temperature, history: req.messages.slice(0, -1).map((m) => m.content) });
      if (promptTokens + maxTokens > context.contextSize) {
        throw new Error(`test model: prompt ${promptTokens} + maxTokens ${maxTokens} > context ${context.contextSize}`);
      }
      session.setChatHistory(history);
      let text = "";
      let thought = "";
      let tokens = 0;
      await session.prompt(last.content, {
        maxTokens,
        ...(req.signal ? { signal: req.signal, stopOnAbortSignal: true } : {}),
        onToken: (t) => void (tokens += t.length),
        onResponseChunk: (chunk) => {
          const type = chunk.type === "segment" && chunk.segmentType === "thought" ? "thought" : "text";
          if (type === "thought") thought += chunk.text;
          else text += chunk.text;
          req.onChunk?.({ type, text: chunk.text });
        },
      });
      const stopReason = req.signal?.aborted ? "cancelled" : tokens >= maxTokens ? "maxTokens" : "end";
      return { text, thought, tokens, stopReason };
    } finally {
      session.setChatHistory([]);
    }
  }

  return {
    modelId: "test:tiny-llama",
    name: "tiny-llama",
    contextSize: context.contextSize,
    calls,
    measure,
    countTokens: async (text) => model.tokenize(text).length,
    // One sequence: serialise requests like a real single-slot runtime.
    generate: (req) => {
      const run = queue.then(() => generate(req));
      queue = run.catch(() => {});
      return run;
    },
    dispose: async () => {
      session.dispose();
      await context.dispose();
      await model.dispose();
    },
  };
}
