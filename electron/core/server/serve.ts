import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type * as Ws from "ws";
import { rendererCsp } from "../../common/csp";
import { deferred } from "../../common/deferred";
import type { ContractDef } from "../../common/rpc/define";
import type { Router } from "../rpc/router";
import { checkAccess, newToken, TOKEN_COOKIE } from "./access";
import { acceptsGzip, readStatic } from "./static-files";
import { wsTransport } from "./ws-transport";

export interface ServeOptions<C extends ContractDef> {
  /**
   * Where each WebSocket goes: the core's router (or anything that attaches a
   * connection to it, like the core thread of `govdesk serve`), or the promise
   * of it: the page is served while the core still opens, and a WebSocket is
   * accepted once the core is ready.
   */
  router: Attachable<C> | Promise<Attachable<C>>;
  /** Built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  log?: (line: string) => void;
}

/** The one thing the server needs of the core: a place to attach each connection. */
export interface Attachable<C extends ContractDef> {
  attach(transport: Parameters<Router<C>["attach"]>[0]): unknown;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export const RPC_PATH = "/rpc";
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const HOST = "127.0.0.1";

const DENIED_PAGE = `<!doctype html><meta charset="utf-8"><title>GovDesk</title>
<p>拒绝访问：缺少或错误的访问令牌。请使用 <code>govdesk serve</code> 打印的完整地址打开。</p>
<p>Access denied: missing or wrong token. Open the full URL printed by <code>govdesk serve</code>.</p>`;

/**
 * `govdesk serve`: the built renderer over HTTP and the RPC over a WebSocket
 * on the same loopback port. The core runs in this process; the browser
 * gets exactly the contract the Electron renderer gets.
 */
export async function startServer<C extends ContractDef>(options: ServeOptions<C>): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const log = options.log ?? (() => {});
  let port = options.port;
  // The page needs its socket once it has loaded, the user the URL at once: ws loads after the server
  // listens, in a later turn than the one in which the caller prints the URL.
  let wss: Ws.WebSocketServer | null = null;
  const socketServer = deferred<Ws.WebSocketServer>();
  socketServer.promise.catch((e: unknown) => log(`serve: the RPC socket cannot open: ${String(e)}`));

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((e) => {
      log(`serve: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const access = checkAccess(req, token, port);
    if (!access.ok) {
      log(`serve: refused ${req.method} ${req.url?.split("?")[0]} (${access.reason})`);
      res.writeHead(access.status, { "Content-Type": "text/html; charset=utf-8", ...securityHeaders(port) }).end(DENIED_PAGE);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const pathname = new URL(req.url ?? "/", `http://${HOST}`).pathname;
    const file = await readStatic(options.rendererDir, pathname, acceptsGzip(req.headers["accept-encoding"]));
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", ...securityHeaders(port) }).end("未找到 / Not found");
      return;
    }
    const headers: Record<string, string> = { "Content-Type": file.type, "Cache-Control": cacheControl(pathname), Vary: "Accept-Encoding", ...securityHeaders(port) };
    if (file.encoding) headers["Content-Encoding"] = file.encoding;
    // The token travels once in the URL; afterwards assets and the socket use a cookie.
    if (access.fromQuery) headers["Set-Cookie"] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : file.body);
  }

  server.on("upgrade", (req, socket, head) => {
    const access = checkAccess(req, token, port);
    const pathname = new URL(req.url ?? "/", `http://${HOST}`).pathname;
    if (!access.ok || pathname !== RPC_PATH) {
      log(`serve: refused websocket ${pathname} (${access.ok ? "path" : access.reason})`);
      socket.end(`HTTP/1.1 ${access.ok ? 404 : access.status} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    Promise.all([options.router, socketServer.promise]).then(
      ([router, sockets]) => sockets.handleUpgrade(req, socket, head, (ws) => router.attach(wsTransport(ws))),
      () => socket.destroy(),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  setImmediate(() => {
    try {
      socketServer.resolve((wss = new (loadWs().WebSocketServer)({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })));
    } catch (e) {
      socketServer.reject(e);
    }
  });
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * ws as CommonJS. Imported from ES modules it costs 65–95 ms on a 2-core
 * machine against 30–37 ms required (Node first parses each of its files for
 * named exports), all of it before `serve` could print its URL.
 */
function loadWs(): typeof Ws {
  return createRequire(import.meta.url)("ws") as typeof Ws;
}

/**
 * vite names the bundles under /assets/ by their content's hash: a name never
 * changes meaning, so the browser keeps them (and V8 the code compiled from
 * them) without asking again. Everything else — the page, which names the
 * current bundles and carries the token cookie, the licences, pdf.js's maps —
 * is fetched afresh each time.
 */
export function cacheControl(pathname: string): string {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css)$/.test(pathname) ? "public, max-age=31536000, immutable" : "no-store";
}

function securityHeaders(port: number): Record<string, string> {
  // No [::1] entry: Chromium rejects IPv6 literals in CSP sources.
  const ws = [`ws://${HOST}:${port}`, `ws://localhost:${port}`];
  return {
    "Content-Security-Policy": rendererCsp(ws),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}
