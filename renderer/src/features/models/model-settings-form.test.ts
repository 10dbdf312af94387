import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../../electron/common/settings";
import { toModelPatch, toModelValues } from "./model-settings-form";

describe("model settings form", () => {
  it("round-trips and maps remote model names to remote:<name> defaults", () => {
    const v = { ...toModelValues(DEFAULT_SETTINGS), remoteUrl: " http://10.1.2.3:8000/v1 ", remoteChat: "qwen3-32b" };
    const patch = toModelPatch(v, DEFAULT_SETTINGS);
    expect(patch).toMatchObject({ remoteModelUrl: "http://10.1.2.3:8000/v1", defaultChatModelId: "remote:qwen3-32b", defaultEmbeddingModelId: null });
    expect(toModelValues({ ...DEFAULT_SETTINGS, ...patch }).remoteChat).toBe("qwen3-32b");
  });

  it("clearing a remote name drops the remote default but keeps a local one", () => {
    const local = { ...DEFAULT_SETTINGS, defaultChatModelId: "ab".repeat(32), defaultEmbeddingModelId: "remote:bge-m3" };
    const patch = toModelPatch(toModelValues({ ...local, defaultEmbeddingModelId: "remote:bge-m3" }), local);
    expect(patch.defaultChatModelId).toBe("ab".repeat(32));
    const cleared = toModelPatch({ ...toModelValues(local), remoteEmbedding: "" }, local);
    expect(cleared.defaultEmbeddingModelId).toBeNull();
  });
});
