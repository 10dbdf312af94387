import { create } from "zustand";
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from "../../../electron/common/settings";
import { api, errorText } from "../api";

/**
 * The user's settings as last confirmed by the core. The UI applies them
 * app-wide (language, theme, font size); until the first load the defaults
 * apply, which are what a fresh install has anyway.
 */
interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /** Why the last load failed (already a user-facing message), or null. */
  loadError: string | null;
}

export const useSettingsStore = create<SettingsState>()(() => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  loadError: null,
}));

/** Settings pushed by the core (`settings.changed`, another window saved them). */
export function replaceSettings(settings: Settings): void {
  useSettingsStore.setState({ settings, loaded: true, loadError: null });
}

export async function loadSettings(): Promise<void> {
  try {
    replaceSettings(await api.call("settings.get", {}));
  } catch (e) {
    useSettingsStore.setState({ loadError: errorText(e, "") });
  }
}

/** Save a patch; resolves with the merged settings, rejects with the core's error. */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const saved = await api.call("settings.set", patch);
  replaceSettings(saved);
  return saved;
}
