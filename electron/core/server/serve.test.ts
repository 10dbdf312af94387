import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "../../common/contract";
import { createClient } from "../../common/rpc/client";
import { createCore, type Core } from "../core";
import { tempDir } from "../testing/temp-dir";
import { startServer, type RunningServer } from "./serve";
import { wsTransport } from "./ws-transport";

let core: Core;
let server: RunningServer;
let cleanup: () => void;
let root: string;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  root = t.dir;
  const renderer = join(t.dir, "renderer");
  mkdirSync(join(renderer, "assets"), { recursive: true });
  writeFileSync(join(renderer, "index.html"), "<!doctype html><title>GovDesk</title>");
  writeFileSync(join(renderer, "assets/app.js"), "console.log(1)");
  writeFileSync(join(renderer, "assets/index-Ab3_x-9Z.js"), "console.log(2)");
  // As the build leaves it beside a large bundle (scripts/build/precompress.ts); different text, to tell them apart.
  writeFileSync(join(renderer, "assets/index-Ab3_x-9Z.js.gz"), gzipSync("console.log('gz')"));
  writeFileSync(join(t.dir, "secret.txt"), "outside");
  core = createCore({ dataDir: join(t.dir, "data"), host: "serve" });
  server = await startServer({ router: core.router, rendererDir: renderer, port: 0 });
});
afterAll(async () => {
  await server.close();
  await core.close();
  cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as sent (a gzip copy is not decoded). */
  bytes: Buffer;
}

/** A raw HTTP GET with full control over Host/Origin/Cookie (fetch forbids setting Host). */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => {
          const bytes = Buffer.concat(parts);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString("utf8"), bytes });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const withToken = (path: string) => `${path}${path.includes("?") ? "&" : "?"}token=${server.token}`;
const cookie = () => ({ cookie: `govdesk_token=${server.token}` });

describe("govdesk serve over HTTP", () => {
  it("prints a loopback URL with a random token", () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it("refuses requests without the token, or with a wrong one", async () => {
    expect((await get("/")).status).toBe(403);
    expect((await get("/?token=wrong")).status).toBe(403);
    expect((await get("/assets/app.js")).status).toBe(403);
    expect((await get("/", { cookie: "govdesk_token=wrong" })).status).toBe(403);
  });

  it("serves the page with the token, sets a strict cookie and a CSP without remote origins", async () => {
    const res = await get(withToken("/"));
    expect(res.status).toBe(200);
    expect(res.body).toContain("<title>GovDesk</title>");
    expect(String(res.headers["set-cookie"])).toMatch(/govdesk_token=.+HttpOnly; SameSite=Strict/);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves assets with the cookie alone", async () => {
    const res = await get("/assets/app.js", cookie());
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/javascript/);
  });

  it("sends a bundle's pre-compressed copy to a browser that accepts gzip, and the plain file otherwise", async () => {
    const bundle = (headers: Record<string, string>) => get("/assets/index-Ab3_x-9Z.js", { ...cookie(), ...headers });
    const zipped = await bundle({ "accept-encoding": "gzip, deflate, br, zstd" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-type"]).toMatch(/text\/javascript/);
    expect(zipped.headers["vary"]).toBe("Accept-Encoding");
    expect(gunzipSync(zipped.bytes).toString()).toBe("console.log('gz')");
    for (const refused of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "gzip;q=0, deflate" }] as Record<string, string>[]) {
      const plain = await bundle(refused);
      expect(plain.headers["content-encoding"], JSON.stringify(refused)).toBeUndefined();
      expect(plain.body).toBe("console.log(2)");
    }
    // A file without a copy is sent as it is.
    const page = await get(withToken("/"), { "accept-encoding": "gzip" });
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(page.body).toContain("GovDesk");
  });

  it("lets the browser keep content-hashed bundles, and nothing else", async () => {
    const hashed = await get("/assets/index-Ab3_x-9Z.js", cookie());
    expect(hashed.status).toBe(200);
    expect(hashed.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    // The page names the current bundles and sets the token cookie: always fetched afresh.
    expect((await get(withToken("/"))).headers["cache-control"]).toBe("no-store");
    expect((await get("/assets/app.js", cookie())).headers["cache-control"]).toBe("no-store");
    // Refusals are not cached either.
    expect(String((await get("/assets/index-Ab3_x-9Z.js")).headers["cache-control"])).not.toContain("immutable");
  });

  it("refuses a non-loopback Host header even with the token (DNS rebinding)", async () => {
    expect((await get(withToken("/"), { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get(withToken("/"), { host: "127.0.0.1:1" })).status).toBe(421);
    expect((await get(withToken("/"), { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it("refuses a foreign Origin even with the token (CSRF)", async () => {
    expect((await get(withToken("/"), { origin: "http://evil.example" })).status).toBe(403);
    expect((await get(withToken("/"), { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it("does not serve files outside the renderer folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt"]) {
      const res = await get(path, cookie());
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain("outside");
    }
  });
});

function connect(query: string, headers: Record<string, string> = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${server.port}/rpc${query}`, { headers });
}

function outcome(ws: WebSocket): Promise<"open" | number> {
  return new Promise((resolve) => {
    ws.once("open", () => resolve("open"));
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", () => resolve(-1));
  });
}

describe("govdesk serve over WebSocket", () => {
  it("answers contract calls with the token", async () => {
    const ws = connect(`?token=${server.token}`);
    expect(await outcome(ws)).toBe("open");
    const client = createClient(contract, wsTransport(ws));
    const info = await client.call("app.info", {});
    expect(info).toMatchObject({ host: "serve", corePid: process.pid });
    const saved = await client.call("settings.set", { theme: "dark" });
    expect(saved.theme).toBe("dark");
    client.close();
  });

  it("refuses a socket without token, with a foreign Origin, or on another path", async () => {
    expect(await outcome(connect(""))).toBe(403);
    expect(await outcome(connect(`?token=${server.token}`, { origin: "http://evil.example" }))).toBe(403);
    const other = new WebSocket(`ws://127.0.0.1:${server.port}/other?token=${server.token}`);
    expect(await outcome(other)).toBe(404);
  });

  it("answers garbage frames with BAD_MESSAGE and keeps the connection", async () => {
    const ws = connect("", cookie());
    expect(await outcome(ws)).toBe("open");
    const replies: unknown[] = [];
    ws.on("message", (d) => replies.push(JSON.parse(d.toString())));
    ws.send("{not json");
    ws.send(JSON.stringify({ type: "req", id: 5, method: "app.info", params: {} }));
    await new Promise((r) => setTimeout(r, 100));
    expect(replies[0]).toMatchObject({ ok: false, error: { code: "BAD_MESSAGE" } });
    expect(replies[1]).toMatchObject({ id: 5, ok: true });
    ws.close();
  });

  it("closes a socket that sends an oversized message and keeps serving others", async () => {
    const big = connect("", cookie());
    expect(await outcome(big)).toBe("open");
    big.on("error", () => {}); // the client side also sees the close as an error
    const closed = new Promise<number>((r) => big.once("close", (code) => r(code)));
    big.send("x".repeat(17 * 1024 * 1024));
    expect(await closed).toBe(1009); // "message too big"
    const ws = connect("", cookie());
    expect(await outcome(ws)).toBe("open");
    const client = createClient(contract, wsTransport(ws));
    expect((await client.call("app.info", {})).host).toBe("serve");
    client.close();
  });

  it("refuses to read a file outside the folders serve allows, even with the token", async () => {
    const ws = connect("", cookie());
    expect(await outcome(ws)).toBe("open");
    const client = createClient(contract, wsTransport(ws));
    const secret = join(root, "secret.txt");
    await expect(client.call("kb.extract", { path: secret })).rejects.toMatchObject({ code: "FORBIDDEN" });
    core.grantPaths([{ path: secret, scope: "file" }]);
    await expect(client.call("kb.extract", { path: secret })).resolves.toMatchObject({ format: "txt" });
    client.close();
  });
});
