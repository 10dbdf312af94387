import { create } from "zustand";

/**
 * Requests from the window to a screen (keyboard shortcuts, the first-run
 * guide): a counter per command, so the screen acts once per request even
 * when it mounts after the request was made.
 */
interface CommandsState {
  newConversation: number;
  focusSearch: number;
  shortcutsOpen: boolean;
  requestNewConversation(): void;
  requestSearch(): void;
  setShortcutsOpen(open: boolean): void;
}

export const useCommands = create<CommandsState>()((set) => ({
  newConversation: 0,
  focusSearch: 0,
  shortcutsOpen: false,
  requestNewConversation: () => set((s) => ({ newConversation: s.newConversation + 1 })),
  requestSearch: () => set((s) => ({ focusSearch: s.focusSearch + 1 })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));
