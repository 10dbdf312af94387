import { create } from "zustand";
import type { ModelState } from "../../../electron/common/contracts/models";

/**
 * Local models' states as the core pushes them (models.state events): the
 * UI shows a model loading by stage, without polling.
 */
interface ModelStates {
  byPath: Record<string, ModelState>;
}

export const useModelStates = create<ModelStates>()(() => ({ byPath: {} }));

export function applyModelState(state: ModelState): void {
  useModelStates.setState((s) => ({ byPath: { ...s.byPath, [`${state.role}:${state.path}`]: state } }));
}

/** The model being loaded right now, if any (the chat shows its progress). */
export function loadingModel(states: Record<string, ModelState>): ModelState | null {
  return Object.values(states).find((m) => m.state === "loading") ?? null;
}
