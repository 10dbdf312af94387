import { create } from "zustand";
import type { FeatureId } from "../features/ids";

/**
 * Which screen is shown. Plain state, not the document URL: the page never
 * navigates (Electron blocks navigation, and serve's URL carries the token).
 * `null` means "the first registered screen".
 */
interface NavigationState {
  current: FeatureId | null;
  navigate(id: FeatureId): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  current: null,
  navigate: (id) => set({ current: id }),
}));
