import type { Session, WebContents } from "electron";
import {
  blockedRequestLogLine,
  isNavigationAllowed,
  isPermissionAllowed,
  isRequestAllowed,
  windowOpenDecision,
} from "./navigation";

type Log = (line: string) => void;

/**
 * Applied to EVERY webContents (app "web-contents-created"), not only our
 * window: whatever creates one later (a devtools view, a future dialog) gets
 * the same limits. Decisions live in navigation.ts.
 */
export function hardenWebContents(contents: WebContents, log: Log): void {
  const guard = (what: string) => (event: { url: string; isMainFrame: boolean; preventDefault(): void }) => {
    if (isNavigationAllowed(event)) return;
    event.preventDefault();
    log(`navigation: denied ${what} to ${event.url.slice(0, 200)}`);
  };
  contents.on("will-navigate", guard("navigate"));
  contents.on("will-frame-navigate", guard("frame navigation"));
  contents.on("will-redirect", guard("redirect"));
  contents.setWindowOpenHandler((details) => {
    log(`navigation: denied window.open of ${details.url.slice(0, 200)}`);
    return windowOpenDecision();
  });
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    log("navigation: denied <webview>");
  });
  // Web Bluetooth: Electron picks the first device unless the app handles this.
  contents.on("select-bluetooth-device", (event, _devices, callback) => {
    event.preventDefault();
    callback("");
  });
}

export interface SessionOptions {
  devtools: boolean;
  log: Log;
}

/** Permission handlers and the network filter of a session (checklist #5 and "no network"). */
export function hardenSession(ses: Session, { devtools, log }: SessionOptions): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed) log(`permission: denied request for ${permission} from ${details.requestingUrl.slice(0, 200)}`);
    callback(allowed);
  });
  const checked = new Set<string>(); // checks are frequent: log each permission/origin once
  ses.setPermissionCheckHandler((_contents, permission, origin) => {
    const allowed = isPermissionAllowed(permission);
    const key = `${permission} ${origin}`;
    if (!allowed && !checked.has(key)) {
      checked.add(key);
      log(`permission: denied check of ${permission} for ${origin}`);
    }
    return allowed;
  });
  ses.setDevicePermissionHandler(() => false); // WebHID, WebSerial, WebUSB
  ses.webRequest.onBeforeRequest({ urls: ["<all_urls>"] }, (details, callback) => {
    const allowed = isRequestAllowed(details.url, { devtools });
    if (!allowed) log(blockedRequestLogLine(details));
    callback({ cancel: !allowed });
  });
}
