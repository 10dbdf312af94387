import type { Contract, HostKind } from "../common/contract";
import type { ChatModel } from "./llm/chat-model";
import type { Embedder } from "./llm/embedder";
import type { WorkerHost } from "./llm/process-host";
import type { JobManager } from "./rpc/jobs";
import type { Router } from "./rpc/router";
import type { Store } from "./store/open-store";
import type { SettingsRepo } from "./store/settings-repo";

/**
 * What every feature module of the core gets: the store, jobs, settings,
 * events, and a place to register cleanup. Feature modules build their own
 * services from these (see llm/handlers.ts, ingest/handlers.ts).
 */
export interface CoreServices {
  store: Store;
  jobs: JobManager;
  settings: SettingsRepo;
  dataDir: string;
  host: HostKind;
  emit: Router<Contract>["emit"];
  log: (line: string) => void;
  /** Run on core shutdown, last registered first (worker processes, watchers). */
  onClose(fn: () => void | Promise<void>): void;
  /**
   * The embedding runtime, when an embedding model is configured (or the
   * given GGUF path); null otherwise (keyword search only). Provided by the
   * model module through setModelProvider.
   */
  embedder(options?: ModelChoice): Promise<Embedder | null>;
  /** The chat model: the default one, or the given GGUF path; null when none is set. */
  chatModel(options?: ModelChoice): Promise<ChatModel | null>;
  setModelProvider(provider: ModelProvider): void;
  /** How model workers are started (Electron: through main). */
  workerHost?: WorkerHost;
}

export interface ModelChoice {
  /** A GGUF file to use instead of the configured default (CLI `--model`). */
  modelPath?: string;
  signal?: AbortSignal;
}

export interface ModelProvider {
  embedder(options?: ModelChoice): Promise<Embedder | null>;
  chatModel(options?: ModelChoice): Promise<ChatModel | null>;
}
