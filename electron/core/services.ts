import type { Contract, HostKind } from "../common/contract";
import type { ChatModel } from "./llm/chat-model";
import type { Embedder } from "./llm/embedder";
import type { ModelService } from "./llm/model-service";
import type { JobManager } from "./rpc/jobs";
import type { Router } from "./rpc/router";
import type { AuditService } from "./security/audit-service";
import type { PolicyService } from "./security/policy-service";
import type { Store } from "./store/open-store";
import type { SettingsRepo } from "./store/settings-repo";

/**
 * What every feature module of the core gets, all built by createCore before
 * any feature's handlers (so no handler depends on another's order): the
 * store, jobs, settings, events, the admin policy, the audit log, the model
 * runtime, and a place to register cleanup.
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
  /** The admin policy read at start (security/services.ts has the one-line checks over it). */
  policy: PolicyService;
  /** The hash-chained audit log (security/services.ts `audit(s, event)`). */
  audit: AuditService;
  /** The local model runtime (worker process, imported models) behind the models.* calls. */
  models: ModelService;
  /**
   * The embedding runtime, when an embedding model is configured (or the
   * given GGUF path); null otherwise (keyword search only).
   */
  embedder(options?: ModelChoice): Promise<Embedder | null>;
  /** The chat model: the default one, or the given GGUF path; null when none is set. */
  chatModel(options?: ModelChoice): Promise<ChatModel | null>;
}

export interface ModelChoice {
  /** A GGUF file to use instead of the configured default (CLI `--model`). */
  modelPath?: string;
  signal?: AbortSignal;
}

/** Where embedder() and chatModel() come from: the model service, or what a test gives createCore. */
export interface ModelProvider {
  embedder(options?: ModelChoice): Promise<Embedder | null>;
  chatModel(options?: ModelChoice): Promise<ChatModel | null>;
}
