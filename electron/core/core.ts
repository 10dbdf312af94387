import { resolve } from "node:path";
import { contract, type Contract, type HostKind } from "../common/contract";
import type { ContractDef } from "../common/rpc/define";
import { createRouter, type Handlers, type Router } from "./rpc/router";
import { JobManager } from "./rpc/jobs";
import { openStore, type Store } from "./store/open-store";
import { SettingsRepo } from "./store/settings-repo";
import { appInfo } from "./services/app-info";
import type { CoreServices, ModelProvider } from "./services";
import { modelHandlers } from "./llm/handlers";
import { knowledgeHandlers } from "./ingest/handlers";
import { assistantHandlers } from "./assistant/handlers";
import { securityHandlers } from "./security/handlers";
import { draftingHandlers } from "./drafting/handlers";
import { lockdown } from "./security/lockdown";
import { assertSettingsPatchAllowed, getAudit, policySettings } from "./security/services";
import { createPathGuard, PathGrants } from "./security/paths/path-guard";
import type { PathRoot } from "./security/paths/path-rules";

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  log?: (line: string) => void;
}

export interface Core<C extends ContractDef = Contract> {
  readonly router: Router<C>;
  readonly store: Store;
  readonly jobs: JobManager;
  readonly dataDir: string;
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
 * The product contract's handlers; tests extend them with their own. While
 * the admin policy file is invalid, lockdown() refuses all but the admin's
 * tools; settings always come back with the policy's locked values applied.
 */
export function productHandlers(s: CoreServices): Handlers<Contract> {
  return lockdown(s, {
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
  });
}

/**
 * Assembles the core: store, job manager, router. `extend` lets tests serve a
 * larger contract (e.g. with a demo job) on the same machinery; the product
 * passes nothing and serves exactly `contract`.
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
  const jobs = new JobManager({
    progress: (p) => emit("job.progress", p),
    finished: (f) => emit("job.finished", f),
  });
  const closers: (() => void | Promise<void>)[] = [];
  let models: ModelProvider = { embedder: async () => null, chatModel: async () => null };
  const services: CoreServices = {
    store,
    jobs,
    settings: new SettingsRepo(store.db),
    dataDir,
    host: options.host,
    emit,
    log,
    onClose: (fn) => void closers.push(fn),
    embedder: (choice) => models.embedder(choice),
    chatModel: (choice) => models.chatModel(choice),
    setModelProvider: (provider) => void (models = provider),
  };
  const grants = new PathGrants();
  const guard = createPathGuard(services, grants);
  try {
    router = extend
      ? createRouter(extend.contract, extend.handlers(services), { jobs, log, guard })
      : createRouter(contract as ContractDef, productHandlers(services) as Handlers<ContractDef>, { jobs, log, guard });
  } catch (e) {
    store.close();
    throw e;
  }
  // An app start records policy.load (or policy.invalid). One-shot CLI commands do
  // not, so `audit verify` does not write to the log it verifies; commands that
  // act record their own events (and policy.load with the first of them).
  if (options.host === "electron" || options.host === "serve") getAudit(services);
  let closed: Promise<void> | null = null;
  return {
    router,
    store,
    jobs,
    dataDir,
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
