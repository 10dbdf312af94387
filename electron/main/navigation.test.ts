import { describe, expect, it } from "vitest";
import {
  blockedRequestLogLine,
  isAppEntryUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isRequestAllowed,
  windowOpenDecision,
} from "./navigation";

describe("navigation", () => {
  it("lets only the main frame reload our own entry page", () => {
    expect(isNavigationAllowed({ url: "app://govdesk/index.html", isMainFrame: true })).toBe(true);
    expect(isNavigationAllowed({ url: "app://govdesk/index.html#/settings", isMainFrame: true })).toBe(true);
    expect(isNavigationAllowed({ url: "app://govdesk/index.html?lang=en", isMainFrame: true })).toBe(true);
  });

  it.each([
    "https://example.com/",
    "http://10.0.0.1/intranet",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "app://govdesk/other.html",
    "app://govdesk/index.html.evil",
    "app://govdesk/index.htmlx",
    "app://evil/index.html",
    "about:blank",
    "devtools://devtools/bundled/inspector.html",
  ])("denies main-frame navigation to %s", (url) => {
    expect(isNavigationAllowed({ url, isMainFrame: true })).toBe(false);
  });

  it("denies every sub-frame navigation, even to our own page", () => {
    expect(isNavigationAllowed({ url: "app://govdesk/index.html", isMainFrame: false })).toBe(false);
  });

  it("never opens windows", () => {
    expect(windowOpenDecision()).toEqual({ action: "deny" });
  });

  it("recognises the entry URL exactly", () => {
    expect(isAppEntryUrl("app://govdesk/index.html")).toBe(true);
    expect(isAppEntryUrl("app://govdesk/")).toBe(false);
    expect(isAppEntryUrl("app://govdesk/index.html/x")).toBe(false);
  });
});

describe("permissions", () => {
  it.each(["media", "geolocation", "notifications", "clipboard-read", "clipboard-sanitized-write", "hid", "serial", "usb",
    "openExternal", "fullscreen", "pointerLock", "display-capture", "midi", "fileSystem", "unknown"])("denies %s", (p) => {
    expect(isPermissionAllowed(p)).toBe(false);
  });
});

describe("isRequestAllowed (webRequest filter over <all_urls>)", () => {
  it.each([
    "app://govdesk/index.html",
    "app://govdesk/assets/index-1.js",
    "data:image/png;base64,iVBORw0KGgo=",
    "data:font/woff2;base64,AAAA",
    "blob:app://govdesk/0b6c1b0e-5c1f-4d3e-9a57-1f2c3d4e5f60",
  ])("allows %s", (url) => {
    expect(isRequestAllowed(url)).toBe(true);
  });

  it.each([
    "https://example.com/",
    "http://127.0.0.1:8080/",
    "http://localhost:5173/",
    "ws://127.0.0.1:1234/",
    "wss://example.com/socket",
    "ftp://ftp.example.com/",
    "file:///etc/passwd",
    "file:///C:/Windows/win.ini",
    "app://evil/index.html",
    "app://govdesk.evil/index.html",
    "app://govdesk@evil/index.html",
    "blob:https://example.com/uuid",
    "chrome-extension://abcdef/background.js",
    "chrome://gpu",
    "devtools://devtools/bundled/inspector.html",
  ])("cancels %s", (url) => {
    expect(isRequestAllowed(url)).toBe(false);
  });

  it("lets the DevTools front end load only when DevTools are enabled", () => {
    expect(isRequestAllowed("devtools://devtools/bundled/inspector.html", { devtools: true })).toBe(true);
    expect(isRequestAllowed("https://chrome-devtools-frontend.appspot.com/x", { devtools: true })).toBe(false);
  });

  it("logs cancelled requests without their query string", () => {
    expect(blockedRequestLogLine({ url: "https://example.com/q?text=机密", method: "GET", resourceType: "xhr" })).toBe(
      "network: blocked GET https://example.com/q (xhr)",
    );
  });
});
