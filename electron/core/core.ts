import { join, resolve } from "node:path";
import { contract, type Contract, type HostKind } from "../common/contract";
import type { ContractDef } from "../common/rpc/define";
import type { GuardedRequest } from "../common/rpc/router";
import { createRouter, type Handlers, type Router } from "./rpc/router";
import { JobManager } from "./rpc/jobs";
import { openStore, type Store } from "./store/open-store";
import { SettingsRepo } from "./store/settings-repo";
import { appInfo } from "./services/app-info";
import type { CoreServices, ModelProvider } from "./services";
import { ModelService, type ModelServiceOptions } from "./llm/model-service";
import type { WorkerHost } from "./llm/process-host";
import { modelHandlers } from "./llm/handlers";
import { knowledgeHandlers } from "./ingest/handlers";
import { assistantHandlers } from "./assistant/handlers";
import { securityHandlers } from "./security/handlers";
import { draftingHandlers } from "./drafting/handlers";
import { refuseWhenLocked } from "./security/lockdown";
import { assertSettingsPatchAllowed, policySettings } from "./security/services";
import { createPolicyService } from "./security/policy-service";
import { createAuditService } from "./security/audit-service";
import { dbAnchor } from "./security/audit/anchor";
import { createPathGuard, PathGrants } from "./security/paths/path-guard";
import type { PathRoot } from "./security/paths/path-rules";

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  log?: (line: string) => void;
  /** How to start model workers; Electron's entry passes main's (core/entry/host-link.ts). Default: fork. */
  workerHost?: WorkerHost;
  /** Model service tuning (tests shorten the idle-unload minute, set the worker's environment). */
  modelService?: Omit<ModelServiceOptions, "host">;
  /** Replaces what embedder() and chatModel() hand out (tests: a fixed model); models.* still use the model service. */
  modelProvider?: ModelProvider;
}

export interface Core<C extends ContractDef = Contract> {
  readonly router: Router<C>;
  readonly store: Store;
  readonly jobs: JobManager;
  readonly dataDir: string;
  /** What every feature's handlers were given (tests use it to reach the helpers). */
  readonly services: CoreServices;
  /**
   * Lets the UI name these places from now on (what the user chose in the
   * native dialog or dropped on the window; the folders `serve` allows).
   * Only trusted code calls this: Electron main over the core's parentPort,
   * the serve command. Nothing on the RPC can.
   */
  grantPaths(roots: readonly PathRoot[]): void;
  /** Stops jobs, runs registered cleanup, closes the database; idempotent. */
  close(): Promise<void>;
}

export type { CoreServices } from "./services";

/**
 * The product contract's handlers; tests extend them with their own.
 * Settings always come back with the policy's locked values applied.
 */
export function productHandlers(s: CoreServices): Handlers<Contract> {
  return {
    ...modelHandlers(s),
    ...knowledgeHandlers(s),
    ...assistantHandlers(s),
    ...securityHandlers(s),
    ...draftingHandlers(s),
    "app.info": () => appInfo(s.store, s.dataDir, s.host),
    "settings.get": () => policySettings(s, s.settings.get()),
    "settings.set": (patch) => {
      assertSettingsPatchAllowed(s, patch);
      const next = policySettings(s, s.settings.set(patch));
      s.emit("settings.changed", next);
      return next;
    },
    "jobs.list": () => s.jobs.list(),
    "jobs.cancel": ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
  };
}

/**
 * Assembles the core: store, job manager, the services every feature gets
 * (policy, audit and the model service first, so no feature depends on
 * another's order), then the router. `extend` lets tests serve a larger
 * contract (e.g. with a demo job) on the same machinery; the product passes
 * nothing and serves exactly `contract`.
 */
export function createCore(options: CoreOptions): Core<Contract>;
export function createCore<C extends ContractDef>(
  options: CoreOptions,
  extend: { contract: C; handlers: (s: CoreServices) => Handlers<C> },
): Core<C>;
export function createCore(
  options: CoreOptions,
  extend?: { contract: ContractDef; handlers: (s: CoreServices) => Handlers<ContractDef> },
): Core<ContractDef> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const store = openStore(dataDir);
  // The router needs the job manager and the job manager emits through the
  // router; a late-bound emit breaks the cycle.
  let router: Router<ContractDef> | null = null;
  const emit = ((event: string, payload: unknown) => router?.emit(event, payload)) as Router<Contract>["emit"];
  const jobs = new JobManager(
    {
      progress: (p) => emit("job.progress", p),
      finished: (f) => emit("job.finished", f),
    },
    { log },
  );
  const closers: (() => void | Promise<void>)[] = [];
  const settings = new SettingsRepo(store.db);
  const policy = createPolicyService();
  const audit = createAuditService(join(dataDir, "audit"), policy, log, { anchor: dbAnchor(store.db), onClose: (fn) => void closers.push(fn) });
  const models = new ModelService(
    { store, settings, log, policy },
    {
      ...(options.workerHost ? { host: options.workerHost } : {}),
      // Tests run llama.cpp on the CPU whatever the machine has.
      workerEnv: { ...(options.host === "test" ? { GOVDESK_LLAMA_GPU: "false" } : {}), ...options.modelService?.workerEnv },
      ...(options.modelService?.idleMinuteMs !== undefined ? { idleMinuteMs: options.modelService.idleMinuteMs } : {}),
    },
  );
  closers.push(() => models.close());
  const provider: ModelProvider = options.modelProvider ?? models;
  const services: CoreServices = {
    store,
    jobs,
    settings,
    dataDir,
    host: options.host,
    emit,
    log,
    onClose: (fn) => void closers.push(fn),
    policy,
    audit,
    models,
    embedder: (choice) => provider.embedder(choice),
    chatModel: (choice) => provider.chatModel(choice),
  };
  const grants = new PathGrants();
  const pathGuard = createPathGuard(services, grants);
  // The contract's method rules, for every request: lock-down for all callers, paths for windows and sockets.
  const guard = ({ method, def, input, trusted }: GuardedRequest): void => {
    refuseWhenLocked(services, def);
    if (!trusted) pathGuard(method, def, input);
  };
  try {
    router = extend
      ? createRouter(extend.contract, extend.handlers(services), { jobs, log, guard })
      : createRouter(contract as ContractDef, productHandlers(services) as Handlers<ContractDef>, { jobs, log, guard });
  } catch (e) {
    store.close();
    throw e;
  }
  // An app start records which policy it runs under; a one-shot CLI command records
  // it with its first event, so `audit verify` does not write to the log it verifies.
  if (options.host === "electron" || options.host === "serve") audit.recordPolicy();
  let closed: Promise<void> | null = null;
  return {
    router,
    store,
    jobs,
    dataDir,
    services,
    grantPaths: (roots) => grants.grant(roots),
    close() {
      closed ??= (async () => {
        jobs.cancelAll();
        for (const fn of closers.reverse()) {
          try {
            await fn();
          } catch (e) {
            log(`core: cleanup failed: ${String(e)}`);
          }
        }
        store.close();
      })();
      return closed;
    },
  };
}
