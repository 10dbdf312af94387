/**
 * What the knowledge base needs from the model runtime: turn texts into
 * normalised vectors. Provided by the model service when an embedding model
 * is set; the knowledge base works without one (keyword search only).
 */
export interface Embedder {
  /** Identifies the model that made the vectors (e.g. its sha256), stored with them. */
  readonly modelId: string;
  readonly dimension: number;
  /** One unit-length vector per input, same order; long inputs are truncated safely. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}
