import path from "node:path";
import type { CustomScheme } from "electron";

/**
 * The app is served from a custom scheme, never file:// (Electron security
 * checklist #18 "Avoid usage of the file protocol"): pages get a real origin
 * (app://govdesk), so the CSP's 'self', same-origin checks and the
 * webRequest filter all work, and nothing outside dist/renderer is reachable.
 */
export const APP_SCHEME = "app";
export const APP_HOST = "govdesk";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs, origin and storage work like https.
 * secure: a secure context (crypto.subtle, no mixed-content downgrades).
 * supportFetchAPI: fetch() of our own assets (e.g. i18n JSON).
 * codeCache: V8 keeps the code it compiled from our bundles (by default only
 * http(s) pages get that), so a second start of the window does not parse and
 * compile the ~1 MB of script again (issue 15: start-up).
 * Deliberately NOT bypassCSP (our CSP must apply) and NOT corsEnabled
 * (it would let other origins read our responses; same-origin module
 * scripts do not need it).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

type PathApi = Pick<typeof path, "resolve" | "sep">;

/** Windows device names: opening `NUL` or `CON.js` reaches a device, not a file. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com\d|lpt\d)(\..*)?$/i;

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function isSafeSegment(s: string): boolean {
  if (s === "" || s.startsWith(".")) return false; // ".", "..", hidden files
  if (s.endsWith(".") || s.endsWith(" ")) return false; // Windows strips these: "..." -> ".."
  if (/[\\/:\0*?"<>|]/.test(s)) return false; // separators, drive letters, streams
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) return false;
  return !WINDOWS_DEVICE.test(s);
}

/**
 * Map an app:// request URL to a file under rootDir, or null when refused:
 * another scheme or host (credentials, ports included), a backslash, a `..`
 * or `.` segment in any encoding, an encoded separator, a drive letter, a
 * hidden file, an empty segment. The raw URL string is inspected (not only a
 * URL-parser result, which would quietly fold `..` away), and the resolved
 * path is checked to still lie inside rootDir as a last line of defence.
 * `paths` is injectable so the Windows rules can be tested on Linux.
 */
export function resolveAssetPath(rootDir: string, requestUrl: string, paths: PathApi = path): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (requestUrl !== APP_ORIGIN && !requestUrl.startsWith(prefix)) return null;
  const rest = requestUrl.slice(APP_ORIGIN.length);
  const rawPath = rest.split(/[?#]/, 1)[0] ?? "";
  if (rawPath.includes("\\")) return null;
  const relative = rawPath === "" || rawPath === "/" ? "/index.html" : rawPath;
  const segments: string[] = [];
  for (const raw of relative.slice(1).split("/")) {
    const decoded = safeDecode(raw);
    if (decoded === null || !isSafeSegment(decoded)) return null;
    segments.push(decoded);
  }
  const root = paths.resolve(rootDir);
  const file = paths.resolve(root, ...segments);
  return file.startsWith(root + paths.sep) ? file : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
};

/** Content-Type by extension; unknown types are opaque bytes (with nosniff, never executed). */
export function contentTypeFor(filePath: string): string {
  const name = filePath.slice(Math.max(filePath.lastIndexOf("/"), filePath.lastIndexOf("\\")) + 1);
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : "";
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}
