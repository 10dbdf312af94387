import type { CoreState } from "../../../electron/common/contract";
import { api, getCoreState, onCoreState } from "../api";
import { applyLanguage } from "../i18n";
import { loadAppInfo } from "./app-info";
import { applyModelState } from "./model-states";
import { useCoreStore } from "./core";
import { loadSettings, replaceSettings, useSettingsStore } from "./settings";

/**
 * Wire the stores to the core once, at start: follow core health, reload
 * settings and app info each time the core becomes reachable (first start
 * and every restart), take settings pushed by other windows, and switch the
 * UI language as soon as the language setting changes.
 */
export function connectStores(): void {
  let previous: CoreState["state"] | null = null;
  const onState = (core: CoreState): void => {
    useCoreStore.setState({ core });
    if (core.state === "running" && previous !== "running") {
      void loadSettings();
      void loadAppInfo();
    }
    previous = core.state;
  };
  onCoreState(onState);
  onState(getCoreState());

  api.on("settings.changed", replaceSettings);
  api.on("models.state", applyModelState);

  // Synchronous with the store update, so antd's locale (read from the same
  // store during render) and the i18next strings switch in one render.
  applyLanguage(useSettingsStore.getState().settings.language);
  useSettingsStore.subscribe((s, prev) => {
    if (s.settings.language !== prev.settings.language) applyLanguage(s.settings.language);
  });
}
