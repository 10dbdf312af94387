import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { contract } from "../../common/contract";
import { createClient, type TransportClient } from "../../common/rpc/client";
import { runJob } from "../../common/rpc/run-job";
import { createCore, type Core } from "../core";
import { startServer, type RunningServer } from "../server/serve";
import { wsTransport } from "../server/ws-transport";
import { tempDir } from "../testing/temp-dir";
import { outsideLoopback, recordConnections } from "./offline-guard";

/**
 * The offline guarantee, end to end: the product core behind `serve`, a
 * WebSocket client, and real work through the contract, while every
 * connection this process attempts is recorded. None may leave loopback.
 * (Worker threads and child processes are outside this recorder; see
 * docs/security-review.md for checking those with strace or a namespace.)
 */
let dir: string;
let cleanup: () => void;
let core: Core;
let server: RunningServer;
let client: TransportClient<typeof contract>;
const recorder = recordConnections();

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, "policy.json"), JSON.stringify({ audit: { logQuestions: false } }));
  process.env["GOVDESK_POLICY"] = join(dir, "policy.json");
  core = createCore({ dataDir: join(dir, "data"), host: "serve" });
  server = await startServer({ router: core.router, rendererDir: join(dir, "no-renderer"), port: 0 });
  // What `govdesk serve --allow-dir` does: the browser may name files under these folders.
  core.grantPaths([
    { path: dir, scope: "tree" },
    { path: dirname(await ensureTestModel()), scope: "tree" },
  ]);
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  client = createClient(contract, wsTransport(ws));
});
afterAll(async () => {
  recorder.stop();
  client?.close();
  await server?.close();
  await core?.close();
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

describe("offline: real work through serve records no connection outside loopback", () => {
  it("settings, policy, redaction, audit", async () => {
    expect((await client.call("app.info", {})).host).toBe("serve");
    expect((await client.call("settings.set", { fontScale: 115 })).fontScale).toBe(115);
    expect((await client.call("policy.get", {})).ok).toBe(true);
    expect((await client.call("redact.preview", { text: "13812345678" })).spans).toHaveLength(1);
    expect((await client.call("audit.verify", {})).ok).toBe(true);
  });

  it("model import (hashing a GGUF)", async () => {
    const model = await ensureTestModel();
    const rec = await runJob(contract, client, "models.import", { path: model });
    expect(rec.id).toBeTruthy();
  });

  it("ingestion, search, summarise, ask (with the tiny model), and removal of a document", async () => {
    const doc = join(dir, "通知.txt");
    writeFileSync(doc, "关于做好2026年防汛工作的通知\n各单位要落实防汛责任，加强值班值守。汛期实行二十四小时值班制度。\n");
    await client.call("kb.create", { name: "公文" });
    await runJob(contract, client, "kb.add", { name: "公文", paths: [doc] });
    const { hits } = await client.call("kb.search", { name: "公文", query: "防汛" });
    expect(hits.length).toBeGreaterThan(0);
    const summary = await runJob(contract, client, "assistant.summarize", { sources: [{ path: doc }], extractive: true });
    expect(summary).toBeTruthy();
    const answer = await runJob(contract, client, "assistant.ask", { kb: "公文", question: "汛期值班有什么要求？", modelPath: await ensureTestModel() });
    expect(answer.answer.method).toBe("llm");
    const { documents } = await client.call("kb.documents", { name: "公文" });
    expect((await client.call("kb.removeDocument", { id: documents[0]!.id })).removed).toBe(true);
  }, 120_000);

  it("recorded the loopback WebSocket, and nothing outside loopback", () => {
    expect(recorder.attempts.some((a) => a.protocol === "tcp" && a.host === "127.0.0.1" && a.port === server.port)).toBe(true);
    expect(outsideLoopback(recorder.attempts)).toEqual([]);
  });

  it("control: an outside connection attempted by the core's process is recorded, refused and audited", async () => {
    const e = await fetch("http://example.com/").then(
      () => null,
      (err: { cause?: { code?: string } }) => err,
    );
    expect(e?.cause?.code).toBe("EGOVDESK_OFFLINE");
    expect(outsideLoopback(recorder.attempts)).toEqual([expect.objectContaining({ host: "example.com", port: 80 })]);
    const blocked = await client.call("audit.list", { type: "network.blocked" });
    expect(blocked.entries).toEqual([expect.objectContaining({ object: "tcp:example.com:80" })]);
  });
});
