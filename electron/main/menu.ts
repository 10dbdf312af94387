import type { MenuItemConstructorOptions } from "electron";

/**
 * The application menu. Production has none on Windows and Linux: the
 * default menu carries Reload, Force Reload and Toggle DevTools with their
 * shortcuts. macOS needs a menu for Cmd+C/V/X/A/Z to work in text fields
 * and for Cmd+Q, so it gets only the app and edit menus. When the admin
 * policy allows DevTools (developer.devtools) it keeps Electron's default
 * menu (returns "default").
 */
export function applicationMenuTemplate(platform: string, devtools: boolean): MenuItemConstructorOptions[] | null | "default" {
  if (devtools) return "default";
  if (platform === "darwin") return [{ role: "appMenu" }, { role: "editMenu" }];
  return null;
}
