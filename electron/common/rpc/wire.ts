import { z } from "zod";

/**
 * The envelope of every message on an RPC transport (MessagePort, WebSocket,
 * in-process). Receivers parse with these schemas first; anything that does
 * not parse is answered with a BAD_MESSAGE error, never thrown.
 */
export const RequestId = z.union([z.number().int(), z.string().max(64)]);
export type RequestId = z.infer<typeof RequestId>;

export const ErrorCode = z.enum([
  "BAD_MESSAGE",
  "UNKNOWN_METHOD",
  "INVALID_INPUT",
  "INVALID_OUTPUT",
  "NOT_FOUND",
  "CANCELLED",
  "UNAVAILABLE",
  /** The request names something this caller may not use (e.g. a path the user never chose). */
  "FORBIDDEN",
  /** The model worker could not load the GGUF (corrupt, unsupported, wrong shapes). */
  "MODEL_LOAD_FAILED",
  /** Not enough RAM/VRAM for the model or its context. */
  "OUT_OF_MEMORY",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  /** Plain-language message, safe to show to the user. */
  message: z.string(),
  /** Optional technical detail (validation issues, file names). */
  detail: z.string().optional(),
});
export type WireError = z.infer<typeof WireError>;

export const RequestMsg = z.object({
  type: z.literal("req"),
  id: RequestId,
  method: z.string().min(1).max(128),
  params: z.unknown(),
});
export type RequestMsg = z.infer<typeof RequestMsg>;

export const ResponseMsg = z.discriminatedUnion("ok", [
  z.object({ type: z.literal("res"), id: RequestId.nullable(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal("res"), id: RequestId.nullable(), ok: z.literal(false), error: WireError }),
]);
export type ResponseMsg = z.infer<typeof ResponseMsg>;

export const EventMsg = z.object({
  type: z.literal("evt"),
  event: z.string().min(1).max(128),
  payload: z.unknown(),
});
export type EventMsg = z.infer<typeof EventMsg>;

export const ServerMsg = z.union([ResponseMsg, EventMsg]);
export type ServerMsg = z.infer<typeof ServerMsg>;

/** An error carrying a wire code; what callers of the client catch. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = "RpcError";
    this.code = code;
    this.detail = detail;
  }
  toWire(): WireError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Best-effort extraction of a request id from a message that failed to parse. */
export function salvageId(raw: unknown): RequestId | null {
  if (typeof raw !== "object" || raw === null || !("id" in raw)) return null;
  const parsed = RequestId.safeParse((raw as { id: unknown }).id);
  return parsed.success ? parsed.data : null;
}
