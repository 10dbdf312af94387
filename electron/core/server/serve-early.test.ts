import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { contract } from "../../common/contract";
import { createClient } from "../../common/rpc/client";
import type { Router } from "../rpc/router";
import { createCore, type Core } from "../core";
import { tempDir } from "../testing/temp-dir";
import { startServer, type RunningServer } from "./serve";
import { wsTransport } from "./ws-transport";
import { deferred } from "../../common/deferred";

/** `govdesk serve` listens before the core is open: the page loads meanwhile, the socket waits for the core. */
const done: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of done.splice(0).reverse()) await f();
});

async function serverWith(router: Promise<Router<typeof contract>>): Promise<{ server: RunningServer; dir: string }> {
  const t = tempDir();
  done.push(t.cleanup);
  const renderer = join(t.dir, "renderer");
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, "index.html"), "<!doctype html><title>GovDesk</title>");
  const server = await startServer({ router, rendererDir: renderer, port: 0 });
  done.push(() => server.close());
  return { server, dir: t.dir };
}

describe("serve before the core is ready", () => {
  it("serves the page at once and opens the RPC socket only when the core is there", async () => {
    const router = deferred<Router<typeof contract>>();
    const { server, dir } = await serverWith(router.promise);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>GovDesk</title>");

    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`);
    let opened = false;
    const open = new Promise<void>((r) => ws.once("open", () => ((opened = true), r())));
    // The page's HTTP keeps working while the socket waits.
    expect((await fetch(server.url)).status).toBe(200);
    expect(opened).toBe(false);

    const core: Core = createCore({ dataDir: join(dir, "data"), host: "serve" });
    done.push(() => core.close());
    router.resolve(core.router);
    await open;
    const client = createClient(contract, wsTransport(ws));
    expect((await client.call("app.info", {})).host).toBe("serve");
    client.close();
  });

  it("drops the waiting socket when the core cannot open", async () => {
    const router = deferred<Router<typeof contract>>();
    router.promise.catch(() => {});
    const { server } = await serverWith(router.promise);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`);
    const outcome = new Promise<string>((r) => {
      ws.once("open", () => r("open"));
      ws.once("error", () => r("error"));
    });
    router.reject(new Error("database locked"));
    expect(await outcome).toBe("error");
  });

  it("loads its socket server after it listens: a server closed at once, before that, still closes cleanly", async () => {
    const t = tempDir();
    done.push(t.cleanup);
    const renderer = join(t.dir, "renderer");
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, "index.html"), "<!doctype html><title>GovDesk</title>");
    const server = await startServer({ router: deferred<Router<typeof contract>>().promise, rendererDir: renderer, port: 0 });
    await expect(server.close()).resolves.toBeUndefined();
  });
});
