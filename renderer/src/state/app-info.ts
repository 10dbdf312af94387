import { create } from "zustand";
import type { AppInfo } from "../../../electron/common/contract";
import { api, errorText } from "../api";

/** `app.info` from the core, refreshed whenever the core (re)starts: its pid changes. */
interface AppInfoState {
  info: AppInfo | null;
  /** Why the last load failed (user-facing), or null. */
  error: string | null;
}

export const useAppInfo = create<AppInfoState>()(() => ({ info: null, error: null }));

export async function loadAppInfo(): Promise<void> {
  try {
    useAppInfo.setState({ info: await api.call("app.info", {}), error: null });
  } catch (e) {
    useAppInfo.setState({ error: errorText(e, "") });
  }
}
