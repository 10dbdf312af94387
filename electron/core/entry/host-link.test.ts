import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../common/contract";
import { runJob } from "../../common/rpc/run-job";
import { createClient } from "../../common/rpc/client";
import { splitDuplex } from "../../common/rpc/duplex";
import { createMemoryPair } from "../../common/rpc/transport";
import { RpcError } from "../../common/rpc/wire";
import { coreHostContract } from "../../common/host-contract";
import { createCore, type Core } from "../core";
import { connectInProcess } from "../rpc/in-process";
import { tempDir } from "../testing/temp-dir";
import { createHostLink } from "./host-link";

/*
 * main ↔ core (common/host-contract.ts), the core's side as utility.ts
 * wires it, called as main's core-link.ts calls it, over an in-memory pipe:
 * what issue 14 sends across it, the policy for the window and save-dialog grants.
 */
let dir: string;
let cleanup: () => void;
let core: Core | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(async () => {
  await core?.close();
  core = null;
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

function open(policy?: unknown) {
  const path = join(dir, "policy.json");
  if (policy !== undefined) writeFileSync(path, JSON.stringify(policy));
  process.env["GOVDESK_POLICY"] = policy !== undefined ? path : join(dir, "none", "policy.json");
  const [toCore, toMain] = createMemoryPair();
  const host = createHostLink(toMain);
  core = createCore({ dataDir: join(dir, "data"), host: "test", workerHost: host.workerHost });
  host.serve(core);
  // Main's end: it calls the core over one half of the duplex pipe (core-link.ts).
  const main = createClient(coreHostContract, splitDuplex(toCore).calling);
  return {
    core,
    desktopPolicy: () => main.call("policy.desktop", {}),
    grant: (roots: { path: string; scope: "file" | "tree" | "save" }[]) => main.call("paths.grant", { roots }),
  };
}

describe("main ↔ core: policy.desktop", () => {
  it("DevTools only when the admin policy turns them on; an invalid policy never does", async () => {
    expect(await open({}).desktopPolicy()).toEqual({ devtools: false });
    await core!.close();
    expect(await open().desktopPolicy()).toEqual({ devtools: false }); // GOVDESK_POLICY names a missing file: locked
    await core!.close();
    expect(await open({ developer: { devtools: true } }).desktopPolicy()).toEqual({ devtools: true });
    await core!.close();
    expect(await open({ developer: { devtools: "yes" } }).desktopPolicy()).toEqual({ devtools: false });
  });
});

describe("main ↔ core: a save-dialog grant", () => {
  it("lets the window's request write that one file, once", async () => {
    const { grant, core } = open({});
    const cli = connectInProcess(contract, core.router);
    const ui = connectInProcess(contract, core.router, { trusted: false });
    writeFileSync(join(dir, "a.txt"), "各单位应当严格执行制度。");
    await cli.call("kb.create", { name: "政策" });
    await runJob(contract, cli, "kb.add", { name: "政策", paths: [join(dir, "a.txt")] });
    mkdirSync(join(dir, "out"));
    const target = join(dir, "out", "政策.govpack");
    const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof RpcError ? e.code : String(e)));
    expect(await refused(ui.call("packs.export", { name: "政策", path: target }))).toBe("FORBIDDEN");
    await grant([{ path: target, scope: "save" }]);
    await expect(ui.call("packs.export", { name: "政策", path: target })).resolves.toMatchObject({ documents: 1 });
    expect(readFileSync(target).length).toBeGreaterThan(0);
    expect(await refused(ui.call("packs.export", { name: "政策", path: target }))).toBe("FORBIDDEN");
  });
});
