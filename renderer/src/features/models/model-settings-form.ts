import type { Settings, SettingsPatch } from "../../../../electron/common/settings";

/** The model settings as the form edits them; empty numbers mean "automatic". */
export interface ModelSettingsValues {
  gpuLayers: number | null;
  contextSize: number | null;
  idleMinutes: number;
  remoteUrl: string;
  remoteKey: string;
  /** Model names on the intranet server; empty = use local models. */
  remoteChat: string;
  remoteEmbedding: string;
}

const REMOTE = "remote:";
const remoteName = (id: string | null): string => (id?.startsWith(REMOTE) ? id.slice(REMOTE.length) : "");

export function toModelValues(s: Settings): ModelSettingsValues {
  return {
    gpuLayers: s.modelGpuLayers,
    contextSize: s.modelContextSize,
    idleMinutes: s.modelIdleUnloadMinutes,
    remoteUrl: s.remoteModelUrl,
    remoteKey: s.remoteModelKey,
    remoteChat: remoteName(s.defaultChatModelId),
    remoteEmbedding: remoteName(s.defaultEmbeddingModelId),
  };
}

/** A remote name sets the default to that server model; clearing it drops a remote default, keeps a local one. */
export function toModelPatch(v: ModelSettingsValues, current: Settings): SettingsPatch {
  const pick = (name: string, id: string | null): string | null => (name.trim() ? `${REMOTE}${name.trim()}` : id?.startsWith(REMOTE) ? null : id);
  return {
    modelGpuLayers: v.gpuLayers ?? null,
    modelContextSize: v.contextSize ?? null,
    modelIdleUnloadMinutes: v.idleMinutes,
    remoteModelUrl: v.remoteUrl.trim(),
    remoteModelKey: v.remoteKey,
    defaultChatModelId: pick(v.remoteChat, current.defaultChatModelId),
    defaultEmbeddingModelId: pick(v.remoteEmbedding, current.defaultEmbeddingModelId),
  };
}
