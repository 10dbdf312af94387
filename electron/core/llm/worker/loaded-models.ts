import {
  type Llama,
  type LlamaChat,
  type LlamaContext,
  type LlamaEmbeddingContext,
  type LlamaModel,
} from "node-llama-cpp";
import { type LoadStage, type ModelSpec } from "../worker-contract";

type Spec = ReturnType<typeof ModelSpec.parse>;

/** A chat model in the worker: the model, one context, and a queue so requests take turns. */
export interface ChatSlot {
  model: LlamaModel;
  context: LlamaContext;
  /** Resolves when the previous request on this context is done. */
  tail: Promise<void>;
  /**
   * The chat template wrapper node-llama-cpp chose for the model, kept for the
   * next request: choosing it (new LlamaChat without one) renders and checks
   * the model's template, 0.3–3 s before every answer's first token.
   */
  chatWrapper?: LlamaChat["chatWrapper"];
}

export interface EmbedSlot {
  model: LlamaModel;
  /** Several contexts embed different texts at the same time. */
  contexts: LlamaEmbeddingContext[];
  contextSize: number;
  tail: Promise<void>;
}

/** Told each stage of a load as it happens (the worker forwards it to the core). */
export type LoadReporter = (path: string, role: "chat" | "embedding", stage: LoadStage, progress: number) => void;

/** Default context cap: larger contexts cost memory the user rarely needs. */
const DEFAULT_MAX_CONTEXT = 8192;

/**
 * The models the worker holds, keyed by path + load options. It loads only
 * what a request asks for, and unloads on request (the core decides when,
 * e.g. after the idle timeout).
 */
export class LoadedModels {
  private readonly models = new Map<string, Promise<LlamaModel>>();
  private readonly chats = new Map<string, Promise<ChatSlot>>();
  private readonly embeds = new Map<string, Promise<EmbedSlot>>();

  constructor(
    private readonly llama: Llama,
    private readonly report: LoadReporter = () => {},
  ) {}

  private key(spec: Spec): string {
    return JSON.stringify([spec.path, spec.gpuLayers, spec.contextSize ?? null, spec.threads, spec.parallel ?? null]);
  }

  private model(spec: Spec, role: "chat" | "embedding"): Promise<LlamaModel> {
    return this.loadModel(spec.path, spec.gpuLayers, role);
  }

  /** The model's weights, loaded once per path and GPU layers and shared by its contexts; a load for a role reports its progress. */
  loadModel(path: string, gpuLayers: Spec["gpuLayers"], role?: "chat" | "embedding"): Promise<LlamaModel> {
    const key = JSON.stringify([path, gpuLayers]);
    let m = this.models.get(key);
    if (!m) {
      if (role) this.report(path, role, "weights", 0);
      // llama.cpp reports often while reading weights; a few steps are enough for a progress bar.
      let last = 0;
      m = this.llama.loadModel({
        modelPath: path,
        gpuLayers,
        onLoadProgress: (p) => {
          if (!role || (p - last < 0.02 && p < 1)) return;
          last = p;
          this.report(path, role, "weights", Math.min(1, Math.max(0, p)));
        },
      });
      this.models.set(key, m);
      m.catch(() => this.models.delete(key));
    }
    return m;
  }

  chat(spec: Spec): Promise<ChatSlot> {
    const key = this.key(spec);
    let slot = this.chats.get(key);
    if (!slot) {
      slot = (async () => {
        const model = await this.model(spec, "chat");
        this.report(spec.path, "chat", "context", 0);
        const context = await model.createContext({
          contextSize: spec.contextSize ?? { max: Math.min(model.trainContextSize, DEFAULT_MAX_CONTEXT) },
          threads: spec.threads,
          sequences: 1,
        });
        this.report(spec.path, "chat", "ready", 1);
        return { model, context, tail: Promise.resolve() };
      })();
      this.chats.set(key, slot);
      slot.catch(() => this.chats.delete(key));
    }
    return slot;
  }

  embed(spec: Spec): Promise<EmbedSlot> {
    const key = this.key(spec);
    let slot = this.embeds.get(key);
    if (!slot) {
      slot = (async () => {
        const model = await this.model(spec, "embedding");
        this.report(spec.path, "embedding", "context", 0);
        const contextSize = spec.contextSize ?? Math.min(model.trainContextSize, DEFAULT_MAX_CONTEXT);
        const parallel = spec.parallel ?? (this.llama.gpu === false ? 1 : 2);
        const contexts: LlamaEmbeddingContext[] = [];
        for (let i = 0; i < parallel; i++) contexts.push(await model.createEmbeddingContext({ contextSize, threads: spec.threads }));
        this.report(spec.path, "embedding", "ready", 1);
        return { model, contexts, contextSize, tail: Promise.resolve() };
      })();
      this.embeds.set(key, slot);
      slot.catch(() => this.embeds.delete(key));
    }
    return slot;
  }

  loaded(): { path: string; role: "chat" | "embedding" }[] {
    const pathOf = (key: string): string => (JSON.parse(key) as [string])[0];
    return [
      ...[...this.chats.keys()].map((k) => ({ path: pathOf(k), role: "chat" as const })),
      ...[...this.embeds.keys()].map((k) => ({ path: pathOf(k), role: "embedding" as const })),
    ];
  }

  /** Unloads one model (every context of it) or, without a path, all. */
  async unload(path?: string): Promise<void> {
    const match = (key: string): boolean => path === undefined || (JSON.parse(key) as [string])[0] === path;
    for (const [key, slot] of [...this.chats]) {
      if (!match(key)) continue;
      this.chats.delete(key);
      await slot.then((s) => s.context.dispose()).catch(() => {});
    }
    for (const [key, slot] of [...this.embeds]) {
      if (!match(key)) continue;
      this.embeds.delete(key);
      await slot.then((s) => Promise.all(s.contexts.map((c) => c.dispose()))).catch(() => {});
    }
    for (const [key, m] of [...this.models]) {
      if (!match(key)) continue;
      this.models.delete(key);
      await m.then((model) => model.dispose()).catch(() => {});
    }
  }
}

/** Runs `fn` after the slot's previous request; requests on one context never overlap. */
export function takeTurn<T>(slot: { tail: Promise<void> }, fn: () => Promise<T>): Promise<T> {
  const run = slot.tail.then(fn);
  slot.tail = run.then(
    () => {},
    () => {},
  );
  return run;
}
