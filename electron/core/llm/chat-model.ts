/**
 * What the assistant needs from the model runtime (local llama.cpp worker or
 * an intranet OpenAI-compatible server): count tokens and generate, streamed,
 * cancellable. Implemented by the model module; consumed by core/assistant.
 */
export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/** A streamed piece: answer text, or a reasoning model's thought segment. */
export interface ChatChunk {
  type: "text" | "thought";
  text: string;
}

export interface ChatRequest {
  system?: string;
  /** Oldest first; the last one is normally the user's new message. */
  messages: ChatTurn[];
  maxTokens?: number;
  temperature?: number;
  /** Optional JSON schema the output must follow (grammar-constrained locally). */
  jsonSchema?: object;
  signal?: AbortSignal;
  onChunk?: (chunk: ChatChunk) => void;
}

export interface ChatResult {
  text: string;
  thought: string;
  /** Tokens generated. */
  tokens: number;
  stopReason: "end" | "maxTokens" | "cancelled";
}

export interface ChatModel {
  /** Identifies the model (sha256 of a local file, or "remote:<name>"). */
  readonly modelId: string;
  readonly name: string;
  /** Context window in tokens as loaded (prompt + answer must fit). */
  readonly contextSize: number;
  countTokens(text: string): Promise<number>;
  /** Trims history itself so prompt + maxTokens never overflow the context. */
  generate(request: ChatRequest): Promise<ChatResult>;
}
