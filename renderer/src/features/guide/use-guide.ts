import { useEffect } from "react";
import { create } from "zustand";
import type { GuideStatus } from "../../../../electron/common/contracts/assistant";
import { api } from "../../api";
import { useCoreStore } from "../../state/core";

/** The guide's state from the core, shared by the welcome and the checklist. */
interface GuideState {
  status: GuideStatus | null;
}

export const useGuideStore = create<GuideState>()(() => ({ status: null }));

export async function reloadGuide(): Promise<void> {
  try {
    useGuideStore.setState({ status: await api.call("assistant.guide", {}) });
  } catch {
    // The guide is a help, never an error of its own: keep the last state.
  }
}

/** Jobs whose end can finish a step (a model imported, files indexed, a question or summary). */
const STEP_JOBS = new Set(["models.import", "kb.add", "assistant.ask", "assistant.summarize"]);

/** The guide's state for rendering (kept current by useGuideSync, once, in the shell). */
export function useGuide(): GuideStatus | null {
  return useGuideStore((s) => s.status);
}

/** Loads the guide when the core is up and again whenever something that finishes a step happens. */
export function useGuideSync(): void {
  const running = useCoreStore((s) => s.core.state === "running");
  useEffect(() => {
    if (!running) return;
    void reloadGuide();
    const offs = [
      api.on("settings.changed", () => void reloadGuide()),
      api.on("job.finished", (f) => {
        if (f.state === "done" && STEP_JOBS.has(f.method)) void reloadGuide();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [running]);
}
