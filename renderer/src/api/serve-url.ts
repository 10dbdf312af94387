/**
 * Where `govdesk serve` listens for RPC: the same host as the page, path
 * /rpc, with the page's one-time token passed on (the HttpOnly cookie the
 * server set would also do, but the token keeps a reload-free first load
 * independent of cookie timing).
 */
export function serveRpcUrl(loc: { protocol: string; host: string; search: string }): string {
  const scheme = loc.protocol === "https:" ? "wss:" : "ws:";
  const token = new URLSearchParams(loc.search).get("token");
  const query = token ? `?token=${encodeURIComponent(token)}` : "";
  return `${scheme}//${loc.host}/rpc${query}`;
}
