import { RpcError } from "../../common/rpc/wire";
import type { ChatModel, ChatRequest, ChatResult, ChatTurn } from "./chat-model";
import type { Embedder } from "./embedder";
import { ThinkSplitter } from "./think-splitter";

/**
 * An intranet OpenAI-compatible server (vLLM, llama.cpp server, Ollama,
 * MindIE …) behind the same ChatModel / Embedder interfaces as the local
 * runtime. The caller checks the host against the admin policy first.
 */
export interface RemoteConfig {
  /** Base URL, with or without the trailing /v1. */
  url: string;
  key: string;
  model: string;
  contextSize?: number;
}

const DEFAULT_CONTEXT = 8192;

export function apiBase(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return /\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

/** No tokenizer endpoint is standard: about one token per CJK character, one per 4 other characters. */
export function estimateTokens(text: string): number {
  const cjk = (text.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

async function post(cfg: RemoteConfig, path: string, body: object, signal?: AbortSignal): Promise<Response> {
  const url = `${apiBase(cfg.url)}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cfg.key ? { authorization: `Bearer ${cfg.key}` } : {}) },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (signal?.aborted) throw new RpcError("CANCELLED", "已取消");
    throw new RpcError("UNAVAILABLE", `无法连接内网模型服务器 ${new URL(url).host}：请检查地址和网络`, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const detail = (await res.text().catch(() => "")).slice(0, 300);
    const hint = res.status === 401 || res.status === 403 ? "：请检查密钥" : res.status === 404 ? "：请检查地址和模型名称" : "";
    throw new RpcError("UNAVAILABLE", `内网模型服务器返回错误 ${res.status}${hint}`, detail);
  }
  return res;
}

/** `data:` payloads of a server-sent event stream, as they arrive. */
async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const bytes of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith("data:")) yield line.slice(5).trim();
    }
  }
}

interface StreamDelta {
  choices?: { delta?: { content?: string | null; reasoning_content?: string | null }; finish_reason?: string | null }[];
  usage?: { completion_tokens?: number };
}

export class RemoteChatModel implements ChatModel {
  readonly modelId: string;
  readonly name: string;
  readonly contextSize: number;

  constructor(private readonly cfg: RemoteConfig) {
    this.modelId = `remote:${cfg.model}`;
    this.name = cfg.model;
    this.contextSize = cfg.contextSize ?? DEFAULT_CONTEXT;
  }

  async countTokens(text: string): Promise<number> {
    return estimateTokens(text);
  }

  async generate(request: ChatRequest): Promise<ChatResult> {
    const maxTokens = Math.min(request.maxTokens ?? Math.floor(this.contextSize / 4), Math.floor(this.contextSize / 2));
    const messages = trimTurns(request.system, request.messages, this.contextSize - maxTokens);
    const body = {
      model: this.cfg.model,
      stream: true,
      max_tokens: maxTokens,
      messages: [...(request.system ? [{ role: "system", content: request.system }] : []), ...messages],
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.jsonSchema ? { response_format: { type: "json_schema", json_schema: { name: "output", schema: request.jsonSchema } } } : {}),
    };
    const res = await post(this.cfg, "/chat/completions", body, request.signal);
    const splitter = new ThinkSplitter();
    const out: ChatResult = { text: "", thought: "", tokens: 0, stopReason: "end" };
    const emit = (chunks: { type: "text" | "thought"; text: string }[]): void => {
      for (const c of chunks) {
        if (c.type === "thought") out.thought += c.text;
        else out.text += c.text;
        request.onChunk?.(c);
      }
    };
    let usageTokens: number | null = null;
    try {
      for await (const data of sseData(res.body!)) {
        if (data === "[DONE]") break;
        let delta: StreamDelta;
        try {
          delta = JSON.parse(data) as StreamDelta;
        } catch {
          continue;
        }
        if (delta.usage?.completion_tokens !== undefined) usageTokens = delta.usage.completion_tokens;
        const choice = delta.choices?.[0];
        if (!choice) continue;
        if (choice.delta?.reasoning_content) {
          out.tokens++;
          emit([{ type: "thought", text: choice.delta.reasoning_content }]);
        }
        if (choice.delta?.content) {
          out.tokens++;
          emit(splitter.push(choice.delta.content));
        }
        if (choice.finish_reason === "length") out.stopReason = "maxTokens";
      }
    } catch (e) {
      if (!request.signal?.aborted) throw new RpcError("UNAVAILABLE", "与内网模型服务器的连接中断", e instanceof Error ? e.message : String(e));
    }
    emit(splitter.end());
    if (request.signal?.aborted) out.stopReason = "cancelled";
    if (usageTokens !== null) out.tokens = usageTokens;
    return out;
  }
}

/** Oldest turns dropped until the estimate fits the budget; the newest is always kept. */
function trimTurns(system: string | undefined, turns: ChatTurn[], budget: number): ChatTurn[] {
  let kept = turns;
  const size = (ts: ChatTurn[]): number => estimateTokens(system ?? "") + ts.reduce((n, t) => n + estimateTokens(t.content) + 4, 0);
  while (kept.length > 1 && size(kept) > budget) kept = kept.slice(1);
  return kept;
}

export class RemoteEmbedder implements Embedder {
  readonly modelId: string;

  private constructor(
    private readonly cfg: RemoteConfig,
    readonly dimension: number,
  ) {
    this.modelId = `remote:${cfg.model}`;
  }

  /** Asks the server once to learn the vector dimension. */
  static async open(cfg: RemoteConfig, signal?: AbortSignal): Promise<RemoteEmbedder> {
    const [probe] = await embedRemote(cfg, ["维度"], signal);
    return new RemoteEmbedder(cfg, probe!.length);
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const vs = await embedRemote(this.cfg, texts, signal);
    if (vs.some((v) => v.length !== this.dimension)) throw new RpcError("UNAVAILABLE", "内网模型服务器返回的向量维度不一致");
    return vs;
  }
}

async function embedRemote(cfg: RemoteConfig, texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
  const res = await post(cfg, "/embeddings", { model: cfg.model, input: texts }, signal);
  const json = (await res.json()) as { data?: { index?: number; embedding?: number[] }[] };
  const data = json.data ?? [];
  if (data.length !== texts.length || data.some((d) => !Array.isArray(d.embedding))) {
    throw new RpcError("UNAVAILABLE", "内网模型服务器返回的嵌入结果不完整");
  }
  return [...data]
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((d) => {
      const v = Float32Array.from(d.embedding!);
      const norm = Math.hypot(...v);
      return norm > 0 ? v.map((x) => x / norm) : v;
    });
}
