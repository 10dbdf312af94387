import { RpcError } from "../../common/rpc/wire";
import { basename } from "node:path";
import type { BenchResult, Fit, Machine, ModelRecord, ModelState } from "../../common/contracts/models";
import type { JobProgress } from "../../common/rpc/job-contract";
import type { CoreServices, ModelChoice, ModelProvider } from "../services";
import type { ChatModel } from "./chat-model";
import type { Embedder } from "./embedder";
import { inspectGguf } from "./gguf-inspect";
import { LocalChatModel, LocalEmbedder } from "./local-models";
import { quickModelId } from "./model-id";
import { ModelsRepo } from "./models-repo";
import { defaultWorkerHost, type WorkerHost } from "./process-host";
import { LoadStage, type ModelSpec, type RuntimeOutcome } from "./worker-contract";
import { resolveThreads, ThreadCalibrations } from "./thread-calibration";
import { withinFreeCores } from "./threads";
import { untilAborted } from "../rpc/until-aborted";
import { assertPathAllowed } from "./policy-check";
import { WorkerClient } from "./worker-client";
import { RemoteChatModel, RemoteEmbedder, type RemoteConfig } from "./remote";
import { assertRemoteModelAllowed } from "../security/services";

/** What the model service needs of the core (it is built before the other services that use it). */
export type ModelServiceDeps = Pick<CoreServices, "store" | "settings" | "log" | "policy" | "emit">;

/** Default model ids of this form use the intranet server's model of that name. */
export const REMOTE_PREFIX = "remote:";

/** One stage of a model load, with progress (0–1) within it. */
export interface LoadStageEvent {
  path: string;
  role: "chat" | "embedding";
  stage: Exclude<LoadStage, "ready">;
  progress: number;
}

export interface ModelServiceOptions {
  /** How to start the worker; Electron passes a utilityProcess host. Default: fork. */
  host?: WorkerHost;
  /** Extra environment for the worker (GOVDESK_LLAMA_GPU=false forces CPU). */
  workerEnv?: Record<string, string>;
  /** Length of one "minute" of the idle-unload setting (tests shorten it). */
  idleMinuteMs?: number;
}

/**
 * The model runtime for the rest of the core: resolves which model to use
 * (the default from settings, or a GGUF path), loads it in the worker, and
 * hands out ChatModel / Embedder objects. Unloads after the idle timeout.
 */
export class ModelService implements ModelProvider {
  readonly repo: ModelsRepo;
  readonly worker: WorkerClient;
  readonly calibrations: ThreadCalibrations;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly idleMinuteMs: number;

  constructor(
    private readonly s: ModelServiceDeps,
    options: ModelServiceOptions = {},
  ) {
    this.repo = new ModelsRepo(s.store.db);
    this.calibrations = new ThreadCalibrations(s.store.db);
    this.idleMinuteMs = options.idleMinuteMs ?? 60_000;
    this.worker = new WorkerClient(options.host ?? defaultWorkerHost(), options.workerEnv ?? {}, s.log);
    this.worker.onExit(() => {
      for (const st of this.states.values()) if (st.state !== "unloaded") this.pushState({ ...st, state: "unloaded", stage: null, progress: 0 });
    });
  }

  /** The last state pushed for each model and role (what the UI shows until the next event). */
  private readonly states = new Map<string, Omit<ModelState, "name">>();
  private readonly stageListeners = new Set<(e: LoadStageEvent) => void>();

  /** Each stage of a model load (models.load turns them into its job's progress); returns an unsubscribe function. */
  onLoadStage(listener: (e: LoadStageEvent) => void): () => void {
    this.stageListeners.add(listener);
    return () => this.stageListeners.delete(listener);
  }

  private pushState(st: Omit<ModelState, "name">): void {
    this.states.set(`${st.role}\0${st.path}`, st);
    this.s.emit("models.state", { ...st, name: this.repo.byPath(st.path)?.name ?? basename(st.path) });
  }

  /** Loads a model in the worker (llm.load), its stages pushed to the UI as models.state; tells the UI when that fails. */
  private async info(spec: ModelSpec, role: "chat" | "embedding", signal?: AbortSignal): Promise<{ contextSize: number; embeddingDimension: number }> {
    const onProgress = (p: JobProgress): void => {
      const stage = LoadStage.safeParse(p.stage);
      if (!stage.success || stage.data === "ready") return;
      const progress = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      this.pushState({ path: spec.path, role, state: "loading", stage: stage.data, progress });
      for (const l of [...this.stageListeners]) l({ path: spec.path, role, stage: stage.data, progress });
    };
    if (signal?.aborted) throw new RpcError("CANCELLED", "已取消"); // nobody waits for it: no load starts
    // The worker's load is shared by every caller and llama.cpp cannot stop it half way, so it is not
    // cancelled: a caller that gives up (Esc on an answer) stops waiting at once, and the load finishes
    // in the background for the next request, its state pushed as it ends.
    const loading = this.worker.job("llm.load", { model: spec, role }, { onProgress }).then(
      (info) => {
        if (this.states.get(`${role}\0${spec.path}`)?.state !== "ready") this.pushState({ path: spec.path, role, state: "ready", stage: null, progress: 1 });
        return info;
      },
      (e: unknown) => {
        this.pushState({ path: spec.path, role, state: "failed", stage: null, progress: 0, error: e instanceof Error ? e.message : String(e) });
        throw e;
      },
    );
    return untilAborted(loading, signal);
  }

  async runtime(): Promise<RuntimeOutcome> {
    return this.worker.call("llm.runtime", {});
  }

  settingThreads(): "auto" | number {
    return this.s.settings.get().threads;
  }

  /** The threads setting, or on "auto" what was measured for this model on this machine (measured at its first load). */
  async threadsFor(path: string, modelKey?: string, signal?: AbortSignal): Promise<number> {
    const gpuLayers = this.s.settings.get().modelGpuLayers ?? "auto";
    const setting = this.s.settings.get().threads;
    const measured = await resolveThreads({
      setting,
      modelKey: modelKey ?? this.repo.byPath(path)?.id ?? (await quickModelId(path)),
      calibrations: this.calibrations,
      calibrate: (candidates, tokens) => this.worker.job("llm.calibrate", { path, gpuLayers, candidates, tokens }, signal ? { signal } : {}),
      log: this.s.log,
    });
    return withinFreeCores(setting, measured);
  }

  async spec(path: string, modelKey?: string, signal?: AbortSignal): Promise<ModelSpec> {
    const st = this.s.settings.get();
    return {
      path,
      gpuLayers: st.modelGpuLayers ?? "auto",
      ...(st.modelContextSize !== null ? { contextSize: st.modelContextSize } : {}),
      threads: await this.threadsFor(path, modelKey, signal),
    };
  }

  /** Model to use: the given path (checked first in pure TS), else the default for the role. */
  private async resolve(choice: ModelChoice | undefined, role: "chat" | "embedding"): Promise<{ path: string; id: string; name: string } | null> {
    if (choice?.modelPath) {
      const summary = await inspectGguf(choice.modelPath, choice.signal);
      const path = summary.path; // absolute
      const known = this.repo.byPath(path);
      await assertPathAllowed(this.s, path, known?.id);
      return { path, id: known?.id ?? (await quickModelId(path)), name: summary.name };
    }
    const st = this.s.settings.get();
    const id = role === "chat" ? st.defaultChatModelId : st.defaultEmbeddingModelId;
    if (!id) return null;
    const m = this.repo.get(id);
    if (!m) return null;
    await assertPathAllowed(this.s, m.path, m.id);
    return { path: m.path, id: m.id, name: m.name };
  }

  /** The intranet server config when the default for `role` is "remote:<model>"; checked against the policy. */
  private remote(choice: ModelChoice | undefined, role: "chat" | "embedding"): RemoteConfig | null {
    if (choice?.modelPath) return null;
    const st = this.s.settings.get();
    const id = role === "chat" ? st.defaultChatModelId : st.defaultEmbeddingModelId;
    if (!id?.startsWith(REMOTE_PREFIX)) return null;
    if (!st.remoteModelUrl) throw new RpcError("UNAVAILABLE", "已选择内网模型服务器，但没有设置服务器地址：请在设置中填写");
    assertRemoteModelAllowed(this.s, st.remoteModelUrl);
    return {
      url: st.remoteModelUrl,
      key: st.remoteModelKey,
      model: id.slice(REMOTE_PREFIX.length),
      ...(st.modelContextSize !== null ? { contextSize: st.modelContextSize } : {}),
    };
  }

  async chatModel(choice?: ModelChoice): Promise<ChatModel | null> {
    const remote = this.remote(choice, "chat");
    if (remote) return new RemoteChatModel(remote);
    const r = await this.resolve(choice, "chat");
    if (!r) return null;
    const spec = await this.spec(r.path, r.id, choice?.signal);
    this.touch();
    const info = await this.info(spec, "chat", choice?.signal);
    return new LocalChatModel(this.worker, spec, r.id, r.name, info.contextSize, () => this.touch());
  }

  async embedder(choice?: ModelChoice): Promise<Embedder | null> {
    const remote = this.remote(choice, "embedding");
    if (remote) return RemoteEmbedder.open(remote, choice?.signal);
    const r = await this.resolve(choice, "embedding");
    if (!r) return null;
    const spec = await this.spec(r.path, r.id, choice?.signal);
    this.touch();
    const info = await this.info(spec, "embedding", choice?.signal);
    return new LocalEmbedder(this.worker, spec, r.id, info.embeddingDimension, () => this.touch());
  }

  /** Loads a model in the worker for a role (UI "加载"); answers what it loaded with. */
  async load(path: string, role: "chat" | "embedding", signal?: AbortSignal): Promise<{ contextSize: number; embeddingDimension: number }> {
    this.touch();
    return this.info(await this.spec(path, undefined, signal), role, signal);
  }

  async fit(path: string, overrides: { gpuLayers?: number; contextSize?: number } = {}): Promise<{ fit: Fit; machine: Machine }> {
    this.touch();
    return this.worker.call("llm.fit", { path, ...overrides });
  }

  /** Each model's fit in one worker request (the list of imported models); a model that cannot be estimated says why. */
  async fitAll(paths: string[]): Promise<{ machine: Machine; fits: { path: string; fit: Fit | null; error: string | null }[] }> {
    return this.worker.call("llm.fitAll", { paths });
  }

  async machine(): Promise<Machine> {
    return this.worker.call("llm.machine", {});
  }

  async loadedPaths(): Promise<Set<string>> {
    if (!this.worker.running) return new Set();
    const st = await this.worker.call("llm.status", {});
    return new Set(st.loaded.map((l) => l.path));
  }

  async unload(path?: string): Promise<void> {
    if (this.worker.running) await this.worker.call("llm.unload", path ? { path } : {});
    for (const st of this.states.values()) {
      if ((path === undefined || st.path === path) && st.state !== "unloaded") this.pushState({ ...st, state: "unloaded", stage: null, progress: 0 });
    }
  }

  get(id: string): ModelRecord {
    const m = this.repo.get(id);
    if (!m) throw new RpcError("NOT_FOUND", "找不到该模型，可能已被删除");
    return m;
  }

  /** Restarts the idle countdown; when it runs out the worker (and all model memory) is released. */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const minutes = this.s.settings.get().modelIdleUnloadMinutes;
    if (minutes <= 0) return;
    // Never while a request is running (a long generation or a slow load): look again later.
    this.idleTimer = setTimeout(() => (this.worker.busy ? this.touch() : void this.worker.stop()), minutes * this.idleMinuteMs);
    this.idleTimer.unref();
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.worker.close();
  }
}

export type { BenchResult };
