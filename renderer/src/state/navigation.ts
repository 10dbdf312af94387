import { create } from "zustand";
import type { FeatureId } from "../features/ids";

/**
 * Which screen is shown. Plain state, not the document URL: the page never
 * navigates (Electron blocks navigation, and serve's URL carries the token).
 * `null` means "the first registered screen".
 */
interface NavigationState {
  current: FeatureId | null;
  /** Go to a screen, unless the one shown holds the user there (unsaved changes: it asks first). */
  navigate(id: FeatureId): void;
  /** Go without asking (the screen's own "leave anyway"). */
  go(id: FeatureId): void;
  /**
   * Registered by a screen with unsaved work: returns true to let the user
   * leave now, or false after taking over (it asks, then calls go()).
   */
  leaveGuard: ((next: FeatureId) => boolean) | null;
  setLeaveGuard(guard: ((next: FeatureId) => boolean) | null): void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  current: null,
  navigate: (id) => {
    const { leaveGuard, current } = get();
    if (id !== current && leaveGuard && !leaveGuard(id)) return;
    set({ current: id });
  },
  go: (id) => set({ current: id }),
  leaveGuard: null,
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
}));
