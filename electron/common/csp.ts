/**
 * The renderer's Content-Security-Policy, one definition for both hosts:
 * Electron's app:// protocol handler and `govdesk serve`. No remote origin
 * anywhere and no 'unsafe-eval'. Inline styles are allowed because antd's
 * CSS-in-JS injects <style> elements at run time; scripts stay 'self' only.
 */
export function rendererCsp(extraConnectSrc: readonly string[] = []): string {
  const directives: [string, string[]][] = [
    ["default-src", ["'none'"]],
    ["script-src", ["'self'"]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...extraConnectSrc]],
    ["worker-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["frame-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'none'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}
