import type { WebPreferences } from "electron";

/**
 * The webPreferences of every GovDesk window. Each line is an item of the
 * Electron security checklist; Electron's defaults already match most of
 * them, but spelling them out keeps a future default change (or a careless
 * edit) from loosening anything silently.
 */
export function hardenedWebPreferences(preloadPath: string, options: { devtools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    // DevTools run code in the page: only where the admin policy allows them (developer.devtools).
    devTools: options.devtools === true,
    // #3 context isolation: page scripts never share globals with the preload.
    contextIsolation: true,
    // #4 process sandboxing: the renderer (and the preload) run without Node.
    sandbox: true,
    // #2 no Node.js integration for remote (or any) content, in any frame or worker.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // #6 keep webSecurity (same-origin policy) on.
    webSecurity: true,
    // #8 never run http content in an https/secure page.
    allowRunningInsecureContent: false,
    // #12 no <webview> (we also refuse will-attach-webview).
    webviewTag: false,
    // #9 no experimental Blink features.
    experimentalFeatures: false,
    // Spellcheck downloads Hunspell dictionaries from a Google CDN; air-gapped.
    spellcheck: false,
    // A page that spams alert() gets a "stop showing dialogs" checkbox.
    safeDialogs: true,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    // Middle-click (auxclick) on a link would try to open a new window; we deny
    // those anyway, but removing the feature closes the path (Electronegativity AUXCLICK).
    disableBlinkFeatures: "Auxclick",
  };
}
