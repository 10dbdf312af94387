/** The app's keyboard shortcuts, as data: the list shown to users and the matcher the window uses. */
export type ShortcutAction = "newConversation" | "search" | "list";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl on Windows and Linux, ⌘ on a Mac: either counts. */
const mod = (e: KeyLike): boolean => (e.ctrlKey || e.metaKey) && !e.altKey;

/** Which app shortcut a key press is, or null (left to the page). */
export function matchShortcut(e: KeyLike): ShortcutAction | null {
  const k = e.key.toLowerCase();
  if (mod(e) && !e.shiftKey && k === "n") return "newConversation";
  if (mod(e) && !e.shiftKey && k === "k") return "search";
  if (mod(e) && (k === "/" || k === "?")) return "list";
  return null;
}

/** Rows of the shortcut list: keys as shown, and the i18n key of what they do. */
export function shortcutRows(sendKey: "enter" | "ctrlEnter"): { keys: string; action: string }[] {
  return [
    { keys: "Ctrl+N", action: "shell.shortcuts.newConversation" },
    { keys: "Ctrl+K", action: "shell.shortcuts.search" },
    { keys: sendKey === "enter" ? "Enter" : "Ctrl+Enter", action: "shell.shortcuts.send" },
    { keys: sendKey === "enter" ? "Shift+Enter" : "Enter", action: "shell.shortcuts.newline" },
    { keys: "Esc", action: "shell.shortcuts.stop" },
    { keys: "Ctrl+/", action: "shell.shortcuts.list" },
  ];
}
