import type { PathRoot } from "../security/paths/path-rules";

/** What `govdesk serve` hands its core thread at start (structured-cloned). */
export interface CoreThreadData {
  dataDir: string;
  roots: PathRoot[];
  /** GOVDESK_DEBUG: the core's log lines go to stderr. */
  debug: boolean;
}

/** Owner → thread: a browser connection (its MessagePort rides along), or shut down. */
export type ToCoreThread = { type: "connect" } | { type: "close" };

/** Thread → owner: the core is open, or it could not open (and why), or it has closed. */
export type FromCoreThread =
  | { type: "ready" }
  | { type: "failed"; message: string; code?: string; detail?: string }
  | { type: "closed" };
