/**
 * A process (or thread) one side started, as that side supervises it. The
 * Electron main's core supervisor and the core's model-worker client use the
 * same shape; what differs is how they talk to it (a Transport, or ports).
 */
export interface ChildHandle {
  readonly pid: number | undefined;
  /** Called once when it ends, for any reason (signal set when a signal ended it). */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends it (SIGTERM, or what `signal` says where signals exist). */
  kill(signal?: "SIGTERM" | "SIGKILL"): void;
}

/** Starts children of one kind; `A` is what each start takes (the worker's environment). */
export interface ProcessHost<C extends ChildHandle = ChildHandle, A = void> {
  start(arg: A): C;
}
