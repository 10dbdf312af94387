import { rm } from "node:fs/promises";
import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import { RpcError } from "../../common/rpc/wire";
import type { modelMethods, modelEvents, ModelThreads } from "../../common/contracts/models";
import type { CoreServices } from "../services";
import { benchModel } from "./bench";
import { catalogMatch, loadCatalog, recommend } from "./catalog";
import { inspectGguf } from "./gguf-inspect";
import { hashWithProgress, importModel } from "./import";
import type { ModelService } from "./model-service";
import { assertPathAllowed } from "./policy-check";
import { machineFingerprint, pickThreads } from "./threads";
import { assertModelAllowed, assertSettingsPatchAllowed, audit, policySettings } from "../security/services";

type ModelContract = ContractDef<typeof modelMethods, typeof modelEvents>;

/** Handlers for the model calls of the contract, over the core's model service. */
export function modelHandlers(s: CoreServices): Handlers<ModelContract> {
  const service = s.models;

  return {
    "models.list": async () => {
      const models = service.repo.list();
      const st = s.settings.get();
      if (!models.length) return { models: [], machine: null };
      // One worker request for every model's fit; a model (or the worker) that fails says why, in the list and the log.
      const [loaded, fitted] = await Promise.all([
        service.loadedPaths().catch((e: unknown) => (s.log(`models.list: loaded models unknown: ${errorText(e)}`), new Set<string>())),
        service.fitAll(models.map((m) => m.path)).catch((e: unknown) => (s.log(`models.list: fit estimates failed: ${errorText(e)}`), errorText(e))),
      ]);
      const fits = new Map(typeof fitted === "string" ? [] : fitted.fits.map((f) => [f.path, f]));
      const items = models.map((m) => {
        const f = fits.get(m.path);
        const fitError = typeof fitted === "string" ? fitted : (f?.error ?? null);
        if (f?.error) s.log(`models.list: no fit for ${m.path}: ${f.error}`);
        return {
          ...m,
          fit: f?.fit ?? null,
          fitError,
          threads: modelThreads(service, m.id),
          loaded: loaded.has(m.path),
          defaultChat: st.defaultChatModelId === m.id,
          defaultEmbedding: st.defaultEmbeddingModelId === m.id,
        };
      });
      return { models: items, machine: typeof fitted === "string" ? null : fitted.machine };
    },
    "models.inspect": async ({ path, gpuLayers, contextSize }) => {
      const gguf = await inspectGguf(path);
      const { fit, machine } = await service.fit(path, {
        ...(gpuLayers !== undefined ? { gpuLayers } : {}),
        ...(contextSize !== undefined ? { contextSize } : {}),
      });
      const known = service.repo.byPath(path);
      return { gguf, fit, machine, catalogId: known?.catalogId ?? null };
    },
    "models.import": async (input, ctx) => {
      const rec = await importModel(service.repo, s.dataDir, {
        ...input,
        signal: ctx.signal,
        progress: (d, t, stage) => ctx.progress(d, t, stage),
        assertAllowed: (sha) => assertModelAllowed(s, sha),
      });
      audit(s, { type: "model.import", object: rec.id, detail: { file: rec.fileName, inPlace: rec.inPlace } });
      return rec;
    },
    "models.verify": async ({ path, sha256 }, ctx) => {
      const summary = await inspectGguf(path, ctx.signal);
      const sha = await hashWithProgress(path, ctx.signal, (d, t) => ctx.progress(d, t, "hashing"));
      const catalog = catalogMatch(await loadCatalog(), summary.fileName, sha);
      const expected = sha256?.toLowerCase() ?? (catalog?.entry.sha256 || undefined);
      return { sha256: sha, matches: expected ? expected === sha : null, catalogId: catalog?.entry.id ?? null };
    },
    "models.catalog": async () => {
      const entries = await loadCatalog();
      const machine = await service.machine();
      return { entries, recommended: recommend(entries, machine).map((e) => e.id), machine };
    },
    "models.remove": async ({ id }) => {
      const m = service.repo.get(id);
      if (!m) return { removed: false };
      await service.unload(m.path).catch(() => {});
      if (!m.inPlace) await rm(m.path, { force: true });
      const st = s.settings.get();
      if (st.defaultChatModelId === id) s.settings.set({ defaultChatModelId: null });
      if (st.defaultEmbeddingModelId === id) s.settings.set({ defaultEmbeddingModelId: null });
      const removed = service.repo.remove(id);
      audit(s, { type: "model.remove", object: id, detail: { file: m.fileName } });
      return { removed };
    },
    "models.load": async ({ id, role }, ctx) => {
      const m = service.get(id);
      await assertPathAllowed(s, m.path, m.id);
      ctx.progress(0, 100, "fit");
      const { fit } = await service.fit(m.path);
      if (fit.level === "none") throw new RpcError("UNAVAILABLE", notFitText(fit.ramBytes + fit.vramBytes));
      // The job's progress follows the worker's stages: 0–10 starting, 10–90 weights, 90–100 context.
      const off = service.onLoadStage((e) => {
        if (e.path !== m.path) return;
        const at = e.stage === "runtime" ? 5 : e.stage === "weights" ? 10 + e.progress * 80 : 90 + e.progress * 10;
        ctx.progress(Math.round(at), 100, e.stage);
      });
      let info;
      try {
        info = await service.load(m.path, role, ctx.signal);
      } finally {
        off();
      }
      ctx.progress(100, 100, "ready");
      audit(s, { type: "model.load", object: m.id, detail: { file: m.fileName, role } });
      return info;
    },
    "models.setDefault": ({ id, role }) => {
      const hits = service.repo.list().filter((m) => m.id.startsWith(id.toLowerCase()));
      if (hits.length > 1) throw new RpcError("INVALID_INPUT", `有多个模型以 ${id} 开头，请多写几位`);
      const m = hits[0];
      if (!m) throw new RpcError("NOT_FOUND", `找不到模型 ${id}（用 govdesk models list 或“模型”页面查看已导入的模型）`);
      if (!m.roles[role]) throw new RpcError("INVALID_INPUT", `模型“${m.name}”不能用于${role === "chat" ? "对话" : "嵌入"}`);
      const patch = role === "chat" ? { defaultChatModelId: m.id } : { defaultEmbeddingModelId: m.id };
      assertSettingsPatchAllowed(s, patch);
      s.emit("settings.changed", policySettings(s, s.settings.set(patch)));
      return { id: m.id, name: m.name, role };
    },
    "models.unload": async ({ id }) => {
      await service.unload(id ? service.get(id).path : undefined);
      return {};
    },
    "models.runtime": () => service.runtime(),
    "models.bench": async ({ id, path, tokens }, ctx) => {
      const target = path ?? (id ? service.get(id).path : undefined);
      if (!target) throw new RpcError("INVALID_INPUT", "请指定要测速的模型");
      await inspectGguf(target, ctx.signal);
      return benchModel(service, target, { tokens, signal: ctx.signal, progress: (d, t, stage) => ctx.progress(d, t, stage) });
    },
  };
}

/** What 模型 details show about threads: the setting, or the measurement for this machine (or that it comes at first load). */
function modelThreads(service: ModelService, modelId: string): ModelThreads {
  const setting = service.settingThreads();
  if (setting !== "auto") return { count: setting, source: "setting", measured: [], measuredAt: null };
  const c = service.calibrations.get(modelId, machineFingerprint());
  return c ? { count: c.threads, source: "measured", measured: c.measured, measuredAt: c.measuredAt } : { count: pickThreads("auto"), source: "estimated", measured: [], measuredAt: null };
}

export function notFitText(needBytes: number): string {
  return `本机内存加显存不足以运行该模型（估计需要约 ${(needBytes / 1024 ** 3).toFixed(1)} GB）：请换用更小的量化版本或参数量更小的模型`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
