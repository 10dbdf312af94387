import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import { modelsTestContract as contract, openModelsCore } from "./test-core";

let opened: ReturnType<typeof openModelsCore>;
let cleanup: () => void;
let model: string;

beforeAll(async () => {
  model = await ensureTestModel();
  const t = tempDir();
  cleanup = t.cleanup;
  // One "minute" of the idle setting lasts 300 ms here.
  opened = openModelsCore(join(t.dir, "data"), { idleMinuteMs: 300 });
});
afterAll(async () => {
  opened.client.close();
  await opened.core.close();
  cleanup();
});

describe("idle unload", () => {
  it("loads on request, then releases the model after the idle timeout; next use loads again", async () => {
    const { client } = opened;
    await client.call("settings.set", { threads: 1, modelIdleUnloadMinutes: 2 });
    const rec = await runJob(contract, client, "models.import", { path: model, inPlace: true });
    expect((await runJob(contract, client, "models.load", { id: rec.id })).contextSize).toBe(512);
    expect((await client.call("models.list", {})).models[0]!.loaded).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const after = await client.call("models.list", {});
    expect(after.models[0]!.loaded).toBe(false);
    const chat = await opened.services().chatModel({ modelPath: model });
    expect((await chat!.generate({ messages: [{ role: "user", content: "你好" }], maxTokens: 4 })).tokens).toBe(4);
  }, 60_000);
});
