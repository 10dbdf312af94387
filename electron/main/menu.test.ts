import { describe, expect, it } from "vitest";
import { applicationMenuTemplate } from "./menu";

describe("applicationMenuTemplate", () => {
  it("has no menu (no reload / devtools shortcuts) on Windows and Linux", () => {
    expect(applicationMenuTemplate("win32", false)).toBeNull();
    expect(applicationMenuTemplate("linux", false)).toBeNull();
  });

  it("keeps only the app and edit menus on macOS (clipboard shortcuts, Cmd+Q)", () => {
    const template = applicationMenuTemplate("darwin", false);
    expect(template).toEqual([{ role: "appMenu" }, { role: "editMenu" }]);
    expect(JSON.stringify(template)).not.toMatch(/toggleDevTools|reload|viewMenu/i);
  });

  it("keeps Electron's default menu when DevTools are enabled", () => {
    expect(applicationMenuTemplate("linux", true)).toBe("default");
  });
});
