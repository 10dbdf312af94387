import { createSocket } from "node:dgram";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../../common/contract";
import { createCore } from "../../core";
import { connectInProcess } from "../../rpc/in-process";
import { tempDir } from "../../testing/temp-dir";
import { Policy } from "../../../common/contracts/policy";
import { reachablePolicy } from "../offline-guard";
import { hostRefusal, remoteModelRefusal } from "../policy/rules";
import { GENESIS } from "./canonical";
import { parseSyslogTarget, syslogLine } from "./syslog";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

describe("syslog lines (RFC 5424)", () => {
  it("carry seq, hash and prev as structured data, escaped, and the object on one line", () => {
    const line = syslogLine(
      { v: 1, seq: 7, time: "2026-01-10T01:00:00.000Z", user: 'zhang"san]', type: "export", object: "报告.docx\n第二行", prev: GENESIS, hash: "ab".repeat(32) },
      "ws-01",
      42,
    );
    expect(line).toBe(
      `<110>1 2026-01-10T01:00:00.000Z ws-01 GovDesk 42 audit [govdesk@32473 seq="7" hash="${"ab".repeat(32)}" prev="${GENESIS}" type="export" user="zhang\\"san\\]"] 报告.docx 第二行`,
    );
  });

  it("parses host:port, [v6]:port and a bare host (port 514)", () => {
    expect(parseSyslogTarget("10.1.2.3:5514")).toEqual({ host: "10.1.2.3", port: 5514 });
    expect(parseSyslogTarget("[::1]:514")).toEqual({ host: "::1", port: 514 });
    expect(parseSyslogTarget("log.intranet")).toEqual({ host: "log.intranet", port: 514 });
  });
});

describe("the policy's syslog sink", () => {
  it("lets the offline guard reach the collector, which does not become a model server", () => {
    const policy = Policy.parse({ audit: { syslog: "10.9.8.7:514" } });
    expect(hostRefusal(reachablePolicy(policy), "10.9.8.7", 514)).toBeNull();
    expect(hostRefusal(policy, "10.9.8.7", 514)).not.toBeNull();
    expect(remoteModelRefusal(policy, "http://10.9.8.7:514/v1")).not.toBeNull();
  });

  it("sends each entry's seq and hash to the collector as it is written", async () => {
    const server = createSocket("udp4");
    const received: string[] = [];
    server.on("message", (m) => received.push(m.toString("utf8")));
    await new Promise<void>((r) => server.bind(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    writeFileSync(join(dir, "policy.json"), JSON.stringify({ audit: { syslog: `127.0.0.1:${port}` } }));
    process.env["GOVDESK_POLICY"] = join(dir, "policy.json");
    const core = createCore({ dataDir: join(dir, "data"), host: "serve" }); // records policy.load at start
    const client = connectInProcess(contract, core.router);
    try {
      await client.call("kb.create", { name: "政策" });
      await client.call("kb.delete", { name: "政策" }); // audited: document.remove
      const end = Date.now() + 5000;
      while (received.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      const entries = (await client.call("audit.list", {})).entries.reverse();
      expect(received).toHaveLength(entries.length);
      entries.forEach((e, i) => expect(received[i]).toContain(`seq="${e.seq}" hash="${e.hash}"`));
      expect(received[0]).toContain('type="policy.load"');
    } finally {
      client.close();
      await core.close();
      server.close();
    }
  });
});
