import dgram from "node:dgram";
import dns from "node:dns";
import { lookup as esmLookup } from "node:dns/promises";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Policy } from "../../common/contracts/policy";
import { installOfflineGuard, outsideLoopback, recordConnections, tcpTarget, type Attempt } from "./offline-guard";

/** A real loopback HTTP server: allowed traffic must keep working under the guard. */
let server: http.Server;
let port: number;
const blocked: [Attempt, string][] = [];
let unregister: () => void;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  unregister = installOfflineGuard({
    policy: Policy.parse({ remote: { allowedHosts: ["10.255.255.1:8000", "llm.intranet.invalid"] } }),
    onBlocked: (a, why) => blocked.push([a, why]),
  });
});
afterAll(async () => {
  unregister();
  await new Promise((r) => server.close(r));
});

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error & { code?: string; cause?: { code?: string } });

describe("offline guard", () => {
  it("lets loopback through: http, fetch, raw net", async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
    expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe("ok");
    const body = await new Promise<string>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port }, (res) => res.on("data", (d: Buffer) => resolve(d.toString()))).on("error", reject);
    });
    expect(body).toBe("ok");
  });

  it("refuses fetch, http, https and net to the outside, with a clear error, and reports it", async () => {
    blocked.length = 0;
    const f = await failure(fetch("https://example.com/"));
    expect(f?.cause?.code).toBe("EGOVDESK_OFFLINE");
    const h = await failure(
      new Promise((resolve, reject) => http.get("http://93.184.216.34/", resolve).on("error", reject)),
    );
    expect(h?.code).toBe("EGOVDESK_OFFLINE");
    expect(h?.message).toMatch(/^离线保护已阻止此连接：管理策略不允许连接 93\.184\.216\.34:80/);
    const n = await failure(new Promise((resolve, reject) => net.connect(443, "8.8.8.8", () => resolve(null)).on("error", reject)));
    expect(n?.code).toBe("EGOVDESK_OFFLINE");
    expect(blocked.map(([a]) => `${a.protocol}:${a.host}:${a.port ?? ""}`)).toEqual(["tcp:example.com:443", "tcp:93.184.216.34:80", "tcp:8.8.8.8:443"]);
  });

  it("allows the policy's intranet host on its port only", async () => {
    // Allowed by policy: the guard lets it try (nothing listens there, so it times out; we only check it was not refused).
    const sock = net.connect({ host: "10.255.255.1", port: 8000 });
    const e = await Promise.race([new Promise((r) => sock.on("error", r)), new Promise((r) => setTimeout(() => r("pending"), 200))]);
    sock.destroy();
    expect(e).toBe("pending");
    const wrongPort = await failure(new Promise((resolve, reject) => net.connect(8001, "10.255.255.1", () => resolve(null)).on("error", reject)));
    expect(wrongPort?.code).toBe("EGOVDESK_OFFLINE");
  });

  it("refuses DNS questions about outside names (callback, promise, ESM import, Resolver); IP literals and localhost pass", async () => {
    const cb = await new Promise<NodeJS.ErrnoException | null>((r) => dns.lookup("example.com", (err) => r(err)));
    expect(cb?.code).toBe("EGOVDESK_OFFLINE");
    expect((await failure(dns.promises.resolve4("example.com")))?.code).toBe("EGOVDESK_OFFLINE");
    expect((await failure(esmLookup("example.com")))?.code).toBe("EGOVDESK_OFFLINE");
    expect((await failure(new dns.promises.Resolver().resolveTxt("example.com")))?.code).toBe("EGOVDESK_OFFLINE");
    expect(await dns.promises.lookup("127.0.0.1")).toMatchObject({ address: "127.0.0.1" });
    expect((await dns.promises.lookup("localhost")).address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });

  it("refuses UDP to the outside and allows it to loopback", async () => {
    const sock = dgram.createSocket("udp4");
    const out = await new Promise<Error | null>((r) => sock.send(Buffer.from("x"), 53, "8.8.8.8", (e) => r(e)));
    expect((out as Error & { code?: string })?.code).toBe("EGOVDESK_OFFLINE");
    const local = await new Promise<Error | null>((r) => sock.send(Buffer.from("x"), 9, "127.0.0.1", (e) => r(e)));
    expect(local).toBeNull();
    sock.close();
  });

  it("records every attempt, and outsideLoopback picks those that left the machine", async () => {
    const rec = recordConnections();
    // A new connection (fetch would reuse its keep-alive one from the tests above).
    await new Promise((resolve, reject) => http.get({ host: "127.0.0.1", port, agent: false }, (res) => res.resume().on("end", resolve)).on("error", reject));
    await failure(fetch("http://example.org/"));
    rec.stop();
    await fetch(`http://127.0.0.1:${port}/`);
    expect(rec.attempts.map((a) => [a.protocol, a.host, a.blocked])).toEqual([
      ["tcp", "127.0.0.1", false],
      ["tcp", "example.org", true],
    ]);
    expect(outsideLoopback(rec.attempts).map((a) => a.host)).toEqual(["example.org"]);
  });

  it("reads every form of Socket#connect arguments", () => {
    expect(tcpTarget([80, "h"])).toEqual({ protocol: "tcp", host: "h", port: 80 });
    expect(tcpTarget(["80"])).toEqual({ protocol: "tcp", host: "localhost", port: 80 });
    expect(tcpTarget([{ port: 1, host: "x" }])).toEqual({ protocol: "tcp", host: "x", port: 1 });
    expect(tcpTarget([[{ port: 1 }, null]])).toEqual({ protocol: "tcp", host: "localhost", port: 1 });
    expect(tcpTarget(["/run/x.sock"])).toEqual({ protocol: "ipc", host: "/run/x.sock" });
    expect(tcpTarget([{ path: "\\\\.\\pipe\\x" }])).toEqual({ protocol: "ipc", host: "\\\\.\\pipe\\x" });
  });
});
