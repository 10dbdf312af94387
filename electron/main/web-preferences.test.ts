import { describe, expect, it } from "vitest";
import { hardenedWebPreferences } from "./web-preferences";

describe("hardenedWebPreferences", () => {
  const prefs = hardenedWebPreferences("/opt/govdesk/dist/preload/preload.cjs");

  it("isolates, sandboxes and keeps Node out of every frame and worker", () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it("keeps web security on and every risky feature off", () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      disableBlinkFeatures: "Auxclick",
    });
  });

  it("has DevTools off unless the admin policy turns them on", () => {
    expect(prefs.devTools).toBe(false);
    expect(hardenedWebPreferences("/p.cjs", { devtools: true }).devTools).toBe(true);
  });

  it("sets the preload path and nothing that loosens the defaults", () => {
    expect(prefs.preload).toBe("/opt/govdesk/dist/preload/preload.cjs");
    const loosening = ["enableBlinkFeatures", "additionalArguments", "partition", "plugins", "enableWebSQL", "javascript"];
    for (const key of loosening) expect(prefs, key).not.toHaveProperty(key);
  });
});
