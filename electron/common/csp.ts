/**
 * The renderer's Content-Security-Policy, one definition for both hosts:
 * Electron's app:// protocol handler and `govdesk serve` (Electron security
 * checklist, "Define a Content Security Policy"; sent as a response header,
 * so it also covers a page that forgets its <meta> tag).
 *
 * - Only our own origin may provide scripts, styles, fonts, workers and
 *   fetch targets: no remote origin, no `*`, no `unsafe-eval`.
 * - `style-src 'unsafe-inline'`: antd's CSS-in-JS injects <style> elements at
 *   run time; inline *scripts* stay forbidden.
 * - `data:`/`blob:` images and `data:` fonts are local and cannot carry
 *   anything out of the machine.
 * - No objects, frames, forms, or <base>; nobody may frame us.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["'none'"],
  "frame-src": ["'none'"],
  "worker-src": ["'self'"],
};

/**
 * `extraConnectSrc`: `govdesk serve` adds its own loopback WebSocket origin
 * (ws://127.0.0.1:<port>), since not every browser counts ws: as 'self'.
 */
export function rendererCsp(extraConnectSrc: readonly string[] = []): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => [name, name === "connect-src" ? [...sources, ...extraConnectSrc] : sources] as const)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

export const CONTENT_SECURITY_POLICY = rendererCsp();
