import { useEffect } from "react";
import { useCommands } from "../state/commands";
import { useNavigation } from "../state/navigation";
import { matchShortcut } from "./shortcuts";

/** Ctrl+N, Ctrl+K and Ctrl+/ anywhere in the window (shortcuts.ts lists them). */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = matchShortcut(e);
      if (!action) return;
      e.preventDefault();
      const commands = useCommands.getState();
      if (action === "list") return commands.setShortcutsOpen(true);
      useNavigation.getState().navigate("chat");
      if (action === "newConversation") commands.requestNewConversation();
      else commands.requestSearch();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
