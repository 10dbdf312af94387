import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, contentTypeFor, resolveAssetPath } from "./app-scheme";

const root = "/opt/govdesk/dist/renderer";

describe("app scheme privileges", () => {
  it("is a standard, secure, fetchable scheme with a V8 code cache that neither bypasses CSP nor opens CORS", () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe("app");
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(APP_ENTRY_URL).toBe("app://govdesk/index.html");
  });
});

describe("resolveAssetPath", () => {
  it("maps app://govdesk URLs to files under the root", () => {
    expect(resolveAssetPath(root, "app://govdesk/index.html")).toBe(`${root}/index.html`);
    expect(resolveAssetPath(root, "app://govdesk/assets/index-abc.js")).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAssetPath(root, "app://govdesk/assets/a.css?v=1#x")).toBe(`${root}/assets/a.css`);
    expect(resolveAssetPath(root, "app://govdesk/fonts/%E5%AE%8B%E4%BD%93.woff2")).toBe(`${root}/fonts/宋体.woff2`);
  });

  it("serves index.html for the bare origin", () => {
    expect(resolveAssetPath(root, "app://govdesk/")).toBe(`${root}/index.html`);
    expect(resolveAssetPath(root, "app://govdesk")).toBe(`${root}/index.html`);
  });

  it.each([
    ["plain ..", "app://govdesk/../../etc/passwd"],
    ["nested ..", "app://govdesk/assets/../../secret"],
    ["encoded ..", "app://govdesk/%2e%2e/%2e%2e/etc/passwd"],
    ["mixed-case encoded ..", "app://govdesk/%2E%2e/x"],
    ["half-encoded ..", "app://govdesk/.%2e/x"],
    ["single dot", "app://govdesk/./index.html"],
    ["encoded slash", "app://govdesk/assets%2f..%2f..%2fetc"],
    ["backslash", "app://govdesk/assets\\..\\..\\x"],
    ["encoded backslash", "app://govdesk/..%5c..%5cwindows"],
    ["absolute path in segment", "app://govdesk/%2fetc%2fpasswd"],
    ["empty segment (//)", "app://govdesk//etc/passwd"],
    ["drive letter", "app://govdesk/C:/Windows/win.ini"],
    ["encoded drive letter", "app://govdesk/C%3A%5CWindows"],
    ["NUL byte", "app://govdesk/index.html%00.png"],
    ["malformed escape", "app://govdesk/%E5%AE"],
    ["hidden file", "app://govdesk/.env"],
    ["Windows trailing dots", "app://govdesk/.../x"],
    ["Windows device", "app://govdesk/NUL.js"],
    ["other host", "app://evil/index.html"],
    ["host prefix trick", "app://govdesk.evil/index.html"],
    ["credentials", "app://user@govdesk/index.html"],
    ["port", "app://govdesk:8080/index.html"],
    ["other scheme", "file:///opt/govdesk/dist/renderer/index.html"],
    ["https", "https://govdesk/index.html"],
    ["directory (trailing slash)", "app://govdesk/assets/"],
  ])("refuses %s", (_why, url) => {
    expect(resolveAssetPath(root, url)).toBeNull();
  });

  it("applies the same rules with Windows paths", () => {
    const winRoot = "C:\\Program Files\\GovDesk\\resources\\app.asar\\dist\\renderer";
    expect(resolveAssetPath(winRoot, "app://govdesk/assets/a.js", path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAssetPath(winRoot, "app://govdesk/..%5C..%5Cx", path.win32)).toBeNull();
    expect(resolveAssetPath(winRoot, "app://govdesk/D:%5Cx", path.win32)).toBeNull();
    expect(resolveAssetPath(winRoot, "app://govdesk/%5C%5Cserver%5Cshare", path.win32)).toBeNull();
    expect(resolveAssetPath(winRoot, "app://govdesk/CON", path.win32)).toBeNull();
    expect(resolveAssetPath(winRoot, "app://govdesk/x.js%20", path.win32)).toBeNull();
  });
});

describe("contentTypeFor", () => {
  it.each([
    ["/r/index.html", "text/html; charset=utf-8"],
    ["/r/assets/index-1.js", "text/javascript; charset=utf-8"],
    ["/r/assets/a.CSS", "text/css; charset=utf-8"],
    ["/r/locales/zh-CN.json", "application/json; charset=utf-8"],
    ["/r/logo.svg", "image/svg+xml"],
    ["/r/f.woff2", "font/woff2"],
    ["/r/m.wasm", "application/wasm"],
    ["/r/unknown.bin", "application/octet-stream"],
    ["/r.d/noext", "application/octet-stream"],
    ["C:\\r.d\\noext", "application/octet-stream"],
  ])("%s -> %s", (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
