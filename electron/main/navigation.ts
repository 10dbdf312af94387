import { APP_ENTRY_URL, APP_ORIGIN } from "./app-scheme";

/**
 * Decisions for navigation, new windows, permissions and network requests.
 * Pure functions; harden.ts wires them to every webContents and the session.
 */

/** The app's one page, with any query or fragment (a reload of itself). */
export function isAppEntryUrl(url: string): boolean {
  if (!url.startsWith(APP_ENTRY_URL)) return false;
  const rest = url.slice(APP_ENTRY_URL.length);
  return rest === "" || rest.startsWith("?") || rest.startsWith("#");
}

export interface NavigationRequest {
  url: string;
  /** false for iframes (will-frame-navigate); we have none, so they never navigate. */
  isMainFrame: boolean;
}

/**
 * will-navigate / will-frame-navigate / will-redirect (security checklist
 * #13 "Disable or limit navigation"). The app is a single page; in-page
 * navigation (hash, pushState) never reaches these events, so the only
 * navigation we let through is the main frame reloading our own entry page.
 */
export function isNavigationAllowed(request: NavigationRequest): boolean {
  return request.isMainFrame && isAppEntryUrl(request.url);
}

/** setWindowOpenHandler (checklist #14 "Disable or limit creation of new windows"). */
export function windowOpenDecision(): { action: "deny" } {
  return { action: "deny" };
}

/**
 * Permission request and check handlers (checklist #5 "Handle session
 * permission requests"): camera, microphone, geolocation, notifications,
 * clipboard-read, HID, serial… are all denied. The app needs none today; a
 * future need is added here by name, with a test, never as a blanket allow.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

export interface RequestFilterOptions {
  /** The admin policy allows DevTools (developer.devtools): let their front end (devtools://) load. */
  devtools?: boolean;
}

/**
 * session.webRequest.onBeforeRequest over <all_urls>: Chromium may only load
 * our own scheme. Cancelled: http(s), ws(s), ftp, file (the page must not
 * read the disk directly; documents reach it through the core), other app://
 * hosts, chrome-extension:, and devtools: unless DevTools are enabled.
 * Allowed besides app://govdesk/…: `data:` (inline images and fonts; CSP
 * restricts them to img-src/font-src, and they carry nothing off the
 * machine) and `blob:` URLs minted by our own origin (generated images,
 * exports), which are in-memory too.
 */
export function isRequestAllowed(url: string, options: RequestFilterOptions = {}): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (url.startsWith("data:")) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (options.devtools && url.startsWith("devtools://")) return true;
  return false;
}

/** One log line per cancelled request, without query strings (they may carry user text). */
export function blockedRequestLogLine(details: { url: string; method: string; resourceType?: string }): string {
  const cut = details.url.search(/[?#]/);
  const url = (cut >= 0 ? details.url.slice(0, cut) : details.url).slice(0, 200);
  return `network: blocked ${details.method} ${url}${details.resourceType ? ` (${details.resourceType})` : ""}`;
}
