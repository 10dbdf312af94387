import { existsSync, readdirSync } from "node:fs";
import { readFile, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { writeGguf } from "../../../scripts/test-model/gguf-writer";
import { describeTinyLlama } from "../../../scripts/test-model/tiny-llama";
import type { JobProgress } from "../../common/contract";
import { runJob } from "../../common/rpc/run-job";
import type { Core, CoreServices } from "../core";
import { openModelsCore, modelsTestContract as contract, type ModelsTestContract } from "./test-core";
import { rpcRejection } from "../testing/rpc-error";
import { tempDir } from "../testing/temp-dir";
import { sha256File } from "./model-id";
import { writeLargeModel } from "./testing/hostile-gguf";

let core: Core<ModelsTestContract>;
let services: CoreServices;
let client: ReturnType<typeof openModelsCore>["client"];
let model: string;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  model = await ensureTestModel();
  ({ dir, cleanup } = tempDir());
  const opened = openModelsCore(join(dir, "data"));
  ({ core, client } = opened);
  services = opened.services();
  await client.call("settings.set", { threads: 1 });
});
afterAll(async () => {
  client.close();
  await core.close();
  cleanup();
});

const fails = rpcRejection;

describe("models.* through the core", () => {
  it("imports a model by copy with hashing progress, lists it with a fit badge", async () => {
    const progress: JobProgress[] = [];
    const rec = await runJob(contract, client, "models.import", { path: model }, { onProgress: (p) => progress.push(p) });
    expect(rec.id).toBe(await sha256File(model));
    expect(rec.path.startsWith(join(dir, "data", "models"))).toBe(true);
    expect(await readFile(rec.path)).toEqual(await readFile(model));
    expect(progress.some((p) => p.stage === "hashing" && p.done === p.total && p.total > 0)).toBe(true);
    const { models, machine } = await client.call("models.list", {});
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ id: rec.id, architecture: "llama", fit: { level: "cpu", contextSize: 512 } });
    expect(machine?.backend).toBe("cpu");
  });

  it("registers in place without copying", async () => {
    const copy = join(dir, "in-place.gguf");
    await writeFile(copy, await readFile(model));
    const rec = await runJob(contract, client, "models.import", { path: copy, inPlace: true });
    expect(rec.path).toBe(copy);
    expect(rec.inPlace).toBe(true);
  });

  it("lists every model's fit from one worker request, and says why when one cannot be estimated", async () => {
    const tiny = describeTinyLlama();
    const other = join(dir, "other.gguf");
    const metadata = tiny.metadata.map(([k, v]) => (k === "general.name" ? ([k, { type: "string", value: "另一个" }] as const) : ([k, v] as const)));
    await writeFile(other, writeGguf({ ...tiny, metadata }));
    const rec = await runJob(contract, client, "models.import", { path: other, inPlace: true });
    await rm(other);
    const { models, machine } = await client.call("models.list", {});
    expect(machine?.backend).toBe("cpu");
    const gone = models.find((m) => m.id === rec.id)!;
    expect(gone.fit).toBeNull();
    expect(gone.fitError).toEqual(expect.any(String));
    expect(models.filter((m) => m.id !== rec.id).every((m) => m.fit !== null && m.fitError === null)).toBe(true);
    expect(await client.call("models.remove", { id: rec.id })).toEqual({ removed: true });
  });

  it("refuses a hash mismatch and keeps nothing", async () => {
    const bad = join(dir, "mismatch.gguf");
    await writeFile(bad, await readFile(model));
    const e = await fails(runJob(contract, client, "models.import", { path: bad, sha256: "0".repeat(64) }));
    expect(e.message).toMatch(/sha256 不符/);
    const verify = await runJob(contract, client, "models.verify", { path: bad, sha256: "0".repeat(64) });
    expect(verify.matches).toBe(false);
  });

  it("refuses random bytes at import with a clear reason and keeps working", async () => {
    const bad = join(dir, "random.gguf");
    await writeFile(bad, Buffer.from("not a model at all, just text ".repeat(100)));
    const e = await fails(runJob(contract, client, "models.import", { path: bad }));
    expect(e.message).toMatch(/不是 GGUF/);
    expect(existsSync(join(dir, "data", "models", "random.gguf"))).toBe(false);
    expect((await client.call("models.inspect", { path: model })).gguf.architecture).toBe("llama");
  });

  it("makes a model the default for a role by a unique id prefix, and says why it cannot", async () => {
    const { models } = await client.call("models.list", {});
    const id = models[0]!.id;
    const changed = new Promise((r) => client.on("settings.changed", r));
    expect(await client.call("models.setDefault", { id: id.slice(0, 8).toUpperCase(), role: "embedding" })).toMatchObject({ id, role: "embedding" });
    await expect(changed).resolves.toMatchObject({ defaultEmbeddingModelId: id });
    expect((await client.call("settings.get", {})).defaultEmbeddingModelId).toBe(id);
    expect((await fails(client.call("models.setDefault", { id: "ffff0000", role: "chat" }))).code).toBe("NOT_FOUND");
    expect((await fails(client.call("models.setDefault", { id: "ab", role: "chat" }))).code).toBe("INVALID_INPUT");
  });

  it("gives the default chat model and a --model path to colleagues through s.chatModel / s.embedder", async () => {
    const { models } = await client.call("models.list", {});
    await client.call("settings.set", { defaultChatModelId: models[0]!.id, defaultEmbeddingModelId: models[0]!.id });
    const chat = await services.chatModel();
    expect(chat?.modelId).toBe(models[0]!.id);
    expect((await chat!.generate({ messages: [{ role: "user", content: "你好" }], maxTokens: 5 })).tokens).toBe(5);
    const emb = await services.embedder();
    expect(emb?.dimension).toBe(64);
    const direct = await services.chatModel({ modelPath: model });
    expect(direct?.contextSize).toBe(512);
    expect(await direct!.countTokens("你好")).toBeGreaterThan(0);
    const bench = await runJob(contract, client, "models.bench", { id: models[0]!.id, tokens: 16 });
    expect(bench.backend).toBe("cpu");
    expect(bench.generationTokensPerSecond).toBeGreaterThan(0);
    expect(bench.promptTokensPerSecond).toBeGreaterThan(0);
    expect(bench.embeddingItemsPerSecond).toBeGreaterThan(0);
  });
});

describe("model state pushed to the UI", () => {
  it("models.load reports its stages (starting, weights, context) and models.state events say loading → ready → unloaded", async () => {
    const { models } = await client.call("models.list", {});
    const id = models[0]!.id;
    await client.call("models.unload", {});
    const states: { state: string; stage: string | null; progress: number }[] = [];
    const off = client.on("models.state", (e) => states.push({ state: e.state, stage: e.stage, progress: e.progress }));
    const progress: JobProgress[] = [];
    await runJob(contract, client, "models.load", { id, role: "chat" }, { onProgress: (p) => progress.push(p) });
    await client.call("models.unload", { id });
    off();
    const stages = states.filter((x) => x.state === "loading").map((x) => x.stage);
    expect(stages).toContain("weights");
    expect(stages).toContain("context");
    expect(stages.indexOf("weights")).toBeLessThan(stages.lastIndexOf("context"));
    expect(states.filter((x) => x.stage === "weights").at(-1)?.progress).toBe(1);
    expect(states.map((x) => x.state).slice(-2)).toEqual(["ready", "unloaded"]);
    expect(progress.at(-1)).toMatchObject({ done: 100, total: 100, stage: "ready" });
    expect(progress.some((p) => p.stage === "weights")).toBe(true);
  });

  it("a caller that gives up while a model loads is answered CANCELLED at once; the load goes on and the model ends ready", async () => {
    await client.call("models.unload", {});
    const ac = new AbortController();
    const states: string[] = [];
    const ready = new Promise<void>((resolve) => {
      const off = client.on("models.state", (e) => {
        if (e.path !== model) return;
        states.push(e.state);
        if (e.state === "loading") ac.abort();
        if (e.state === "ready") {
          off();
          resolve();
        }
      });
    });
    const e = await fails(services.chatModel({ modelPath: model, signal: ac.signal }));
    expect(e.code).toBe("CANCELLED");
    // Esc on an answer must not wait for llama.cpp: the caller was answered before the load ended.
    expect(states).not.toContain("ready");
    await ready;
    expect(states).not.toContain("failed");
    expect(states).not.toContain("unloaded");
    const chat = await services.chatModel({ modelPath: model });
    expect((await chat!.generate({ messages: [{ role: "user", content: "你好" }], maxTokens: 3 })).tokens).toBe(3);
  });

  it("models.runtime names the llama.cpp backend and build", async () => {
    const rt = await client.call("models.runtime", {});
    expect(rt).toMatchObject({ backend: "cpu", gpuDevices: [], nodeLlamaCpp: "3.21.1" });
    expect(rt.llamaCpp).toMatch(/llama\.cpp/);
  });
});

describe("import: cancel and the admin allow-list", () => {
  it("shows hashing progress of a large model at once and cancels it, leaving nothing behind", async () => {
    const big = join(dir, "big.gguf");
    const size = await writeLargeModel(big, 512 * 1024 * 1024);
    const ac = new AbortController();
    const seen: JobProgress[] = [];
    const onProgress = (p: JobProgress): void => {
      seen.push(p);
      if (p.stage === "hashing" && p.done > 0) ac.abort();
    };
    const e = await fails(runJob(contract, client, "models.import", { path: big }, { signal: ac.signal, onProgress }));
    expect(e.code).toBe("CANCELLED");
    const hashing = seen.filter((p) => p.stage === "hashing");
    expect(hashing[0]).toMatchObject({ total: size });
    expect(hashing.at(-1)!.done).toBeLessThan(size);
    const { models } = await client.call("models.list", {});
    expect(models.some((m) => m.fileName === "big.gguf")).toBe(false);
    expect(readdirSync(join(dir, "data", "models")).filter((f) => f.includes("big"))).toEqual([]);
  });

  it("refuses a model padded with a sparse hole before hashing a byte of it", async () => {
    const padded = join(dir, "padded.gguf");
    await writeFile(padded, await readFile(model));
    await truncate(padded, 100 * 1024 ** 3);
    const seen: JobProgress[] = [];
    const e = await fails(runJob(contract, client, "models.import", { path: padded }, { onProgress: (p) => seen.push(p) }));
    expect(e.message).toMatch(/模型文件末尾有 100\.0 GB 多余数据/);
    expect(seen.filter((p) => p.stage === "hashing")).toEqual([]);
  });

  it("refuses a model whose sha256 the admin policy does not allow", async () => {
    const policy = join(dir, "policy.json");
    await writeFile(policy, JSON.stringify({ models: { allowedSha256: ["a".repeat(64)] } }));
    const saved = process.env["GOVDESK_POLICY"];
    process.env["GOVDESK_POLICY"] = policy;
    const other = openModelsCore(join(dir, "data-policy"));
    try {
      const e = await fails(runJob(contract, other.client, "models.import", { path: model }));
      expect(e.message).toMatch(/管理策略只允许使用指定的模型/);
      // Loading by path is held to the same list.
      const byPath = await fails(other.services().chatModel({ modelPath: model }));
      expect(byPath.message).toMatch(/管理策略只允许使用指定的模型/);
    } finally {
      if (saved === undefined) delete process.env["GOVDESK_POLICY"];
      else process.env["GOVDESK_POLICY"] = saved;
      other.client.close();
      await other.core.close();
    }
  });
});
