import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { contract } from "../../common/contract";
import { createCore, type Core } from "../core";
import { connectInProcess } from "../rpc/in-process";
import { tempDir } from "../testing/temp-dir";

let dir: string;
let cleanup: () => void;
let core: Core | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(async () => {
  await core?.close();
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

function open(policy: string) {
  writeFileSync(join(dir, "policy.json"), policy);
  process.env["GOVDESK_POLICY"] = join(dir, "policy.json");
  core = createCore({ dataDir: join(dir, "data"), host: "test" });
  return connectInProcess(contract, core.router);
}

it("an invalid policy refuses work with the message naming the file, and keeps the admin's tools", async () => {
  const client = open('{"exports": {"disabled": 1}}');
  await expect(client.call("kb.list", {})).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining(join(dir, "policy.json")) });
  await expect(client.call("settings.set", { theme: "dark" })).rejects.toMatchObject({ message: expect.stringMatching(/GovDesk 已锁定/) });
  // A job is refused at the door, before it has an id (the rule is on the call: whenLocked).
  await expect(client.call("kb.add", { name: "政策", paths: ["/x.txt"] })).rejects.toMatchObject({ code: "UNAVAILABLE" });
  expect(await client.call("jobs.list", {})).toEqual([]);
  expect((await client.call("app.info", {})).host).toBe("test");
  expect((await client.call("policy.get", {})).ok).toBe(false);
  expect((await client.call("audit.verify", {})).ok).toBe(true);
});

it("a valid policy changes nothing", async () => {
  const client = open("{}");
  expect((await client.call("settings.set", { theme: "dark" })).theme).toBe("dark");
  expect(Array.isArray((await client.call("kb.list", {})).bases)).toBe(true);
});
