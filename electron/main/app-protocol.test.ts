import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppProtocolHandler } from "./app-protocol";
import { CONTENT_SECURITY_POLICY } from "../common/csp";

let dir: string;
let root: string;
const logs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "govdesk-proto-"));
  root = join(dir, "renderer");
  await mkdir(join(root, "assets"), { recursive: true });
  await writeFile(join(root, "index.html"), "<!doctype html><title>GovDesk 政务助手</title>");
  await writeFile(join(root, "assets", "app.js"), "console.log('设置')");
  await writeFile(join(dir, "secret.txt"), "outside the root");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function handler() {
  return createAppProtocolHandler({ rootDir: root, log: (l) => logs.push(l) });
}
const get = (url: string, method = "GET") => handler()({ url, method });

describe("app protocol handler (real files in a temp dir)", () => {
  it("serves files with the right type and the CSP", async () => {
    const res = await get("app://govdesk/index.html");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toContain("政务助手");

    const js = await get("app://govdesk/assets/app.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toBe("console.log('设置')");
  });

  it("also accepts a real Request object (what protocol.handle passes)", async () => {
    const res = await handler()(new Request("app://govdesk/"));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>");
  });

  it("answers 403, with the CSP, for traversal and other hosts; never reads outside the root", async () => {
    for (const url of ["app://govdesk/%2e%2e/secret.txt", "app://govdesk/..%5csecret.txt", "app://other/index.html"]) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain("outside the root");
    }
    expect(logs.some((l) => l.includes("refused app://other/index.html"))).toBe(true);
  });

  it("answers 404 for a missing file or a directory", async () => {
    expect((await get("app://govdesk/missing.js")).status).toBe(404);
    expect((await get("app://govdesk/assets")).status).toBe(404);
  });

  it("answers 405 to anything but GET and HEAD, and HEAD has no body", async () => {
    expect((await get("app://govdesk/index.html", "POST")).status).toBe(405);
    const head = await get("app://govdesk/index.html", "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("answers 500 for other read errors", async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      readFile: () => Promise.reject(Object.assign(new Error("denied"), { code: "EACCES" })),
    });
    expect((await failing({ url: "app://govdesk/index.html", method: "GET" })).status).toBe(500);
  });
});
