/**
 * The model worker: a process of its own running node-llama-cpp, so that a
 * malformed GGUF or a driver fault that aborts llama.cpp takes down only this
 * process. Started by the core through a ProcessHost (child_process.fork under
 * Node, utilityProcess under Electron); speaks the messages in ../protocol.ts.
 */
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { CalibrateParams, CountOutcome, FitParams, ModelSpec, ToWorker, UnloadParams, type FromWorker } from "../protocol";
import { describeMachine, estimateFit } from "../fit";
import { LoadedModels } from "./loaded-models";
import { runChat } from "./chat";
import { runEmbed } from "./embed";
import { ChunkBatcher } from "./batcher";
import { calibrateThreads } from "./calibrate";

interface Channel {
  send(msg: FromWorker): void;
  onMessage(fn: (msg: unknown) => void): void;
}

interface PortLike {
  on(e: "message", fn: (ev: { data: unknown }) => void): void;
  postMessage(m: unknown): void;
  start(): void;
}

/**
 * child_process.fork (CLI, serve, tests) gives process.send. Under Electron
 * main starts us as a utilityProcess and sends {type:"connect"} with a
 * MessagePort whose other end is the core's: we talk to the core over that
 * port (main relays nothing), queueing anything sent before it arrives.
 */
function channel(): Channel {
  const parentPort = (process as unknown as { parentPort?: { on(e: "message", fn: (ev: { data: unknown; ports: PortLike[] }) => void): void } }).parentPort;
  if (parentPort) {
    let port: PortLike | null = null;
    const queue: FromWorker[] = [];
    const listeners: ((msg: unknown) => void)[] = [];
    parentPort.on("message", (ev) => {
      const next = ev.ports[0];
      if ((ev.data as { type?: unknown } | null)?.type !== "connect" || !next || port) return;
      port = next;
      next.on("message", (m) => listeners.forEach((fn) => fn(m.data)));
      next.start();
      for (const m of queue.splice(0)) next.postMessage(m);
    });
    return {
      send: (m) => (port ? port.postMessage(m) : void queue.push(m)),
      onMessage: (fn) => void listeners.push(fn),
    };
  }
  if (!process.send) throw new Error("model worker: no parent channel");
  // The core is gone (exited or crashed): nobody will ask for anything again.
  process.once("disconnect", () => process.exit(0));
  return { send: (m) => void process.send?.(m), onMessage: (fn) => void process.on("message", fn) };
}

const ch = channel();
const gpuSetting = process.env["GOVDESK_LLAMA_GPU"] ?? "auto";
let llamaPromise: Promise<Llama> | null = null;
let loaded: LoadedModels | null = null;
const running = new Map<number, AbortController>();

function llama(): Promise<Llama> {
  llamaPromise ??= getLlama({
    gpu: gpuSetting === "false" || gpuSetting === "cpu" ? false : "auto",
    build: "never",
    logLevel: LlamaLogLevel.error,
    logger: (_level, message) => ch.send({ type: "log", line: message.trimEnd() }),
  }).then((l) => {
    loaded = new LoadedModels(l);
    return l;
  });
  return llamaPromise;
}

async function models(): Promise<LoadedModels> {
  await llama();
  return loaded!;
}

async function handle(msg: Exclude<ToWorker, { type: "cancel" }>, signal: AbortSignal): Promise<unknown> {
  switch (msg.type) {
    case "chat": {
      const { model, ...params } = msg.params;
      const slot = await (await models()).chat(ModelSpec.parse(model));
      const batcher = new ChunkBatcher((chunk) => ch.send({ type: "chunk", id: msg.id, chunk }));
      try {
        return await runChat(await llama(), slot, params, signal, (chunk) => batcher.push(chunk));
      } finally {
        batcher.flush();
      }
    }
    case "embed": {
      const slot = await (await models()).embed(ModelSpec.parse(msg.params.model));
      return runEmbed(slot, msg.params.texts, signal);
    }
    case "count": {
      const slot = await (await models()).chat(ModelSpec.parse(msg.params.model));
      return CountOutcome.parse({ tokens: slot.model.tokenize(msg.params.text).length });
    }
    case "info": {
      const spec = ModelSpec.parse(msg.params.model);
      const m = await models();
      if (msg.params.role === "embedding") {
        const e = await m.embed(spec);
        return { contextSize: e.contextSize, embeddingDimension: e.model.embeddingVectorSize };
      }
      const c = await m.chat(spec);
      return { contextSize: c.context.contextSize, embeddingDimension: c.model.embeddingVectorSize };
    }
    case "fit": {
      const p = FitParams.parse(msg.params);
      const l = await llama();
      const fit = await estimateFit(l, p.path, {
        ...(p.gpuLayers !== undefined ? { gpuLayers: p.gpuLayers } : {}),
        ...(p.contextSize !== undefined ? { contextSize: p.contextSize } : {}),
      });
      return { machine: await describeMachine(l), fit };
    }
    case "unload":
      await (await models()).unload(UnloadParams.parse(msg.params).path);
      return {};
    case "machine":
      return describeMachine(await llama());
    case "calibrate": {
      const p = CalibrateParams.parse(msg.params);
      const model = await (await models()).loadModel(p.path, p.gpuLayers);
      return calibrateThreads(model, p.candidates, p.tokens, signal);
    }
    case "status":
      return { loaded: loaded?.loaded() ?? [] };
  }
}

ch.onMessage((raw) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    ch.send({ type: "log", line: `model worker: dropped a malformed message` });
    return;
  }
  const msg = parsed.data;
  if (msg.type === "cancel") {
    running.get(msg.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  handle(msg, controller.signal).then(
    (value) => ch.send({ type: "result", id: msg.id, value }),
    (e: unknown) => ch.send({ type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e) }),
  ).finally(() => running.delete(msg.id));
});

ch.send({ type: "ready" });
