import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contract } from "../../common/contract";
import { createClient } from "../../common/rpc/client";
import { createMemoryPair } from "../../common/rpc/transport";
import { tempDir } from "../testing/temp-dir";
import { startCoreThread, type CoreThread } from "./core-thread-host";

/** `govdesk serve` opens its core in a worker thread; connections reach it over MessagePorts. */
const done: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of done.splice(0).reverse()) await f();
});

function thread(dataDir: string, roots: { path: string; scope: "tree" }[] = []): CoreThread {
  const t = startCoreThread({ dataDir, roots, debug: false });
  done.push(() => t.close());
  return t;
}

describe("serve's core thread", () => {
  it("opens the core, answers calls over an attached connection, sees the granted folders, and closes", async () => {
    const t = tempDir();
    done.push(t.cleanup);
    const allowed = join(t.dir, "allowed");
    mkdirSync(allowed);
    writeFileSync(join(allowed, "note.txt"), "通知正文");
    writeFileSync(join(t.dir, "secret.txt"), "不可读");
    const core = thread(join(t.dir, "data"), [{ path: allowed, scope: "tree" }]);
    await core.ready;
    const [browserEnd, serverEnd] = createMemoryPair();
    core.attach(serverEnd);
    const client = createClient(contract, browserEnd);
    expect((await client.call("app.info", {})).host).toBe("serve");
    await expect(client.call("kb.extract", { path: join(allowed, "note.txt") })).resolves.toMatchObject({ format: "txt" });
    await expect(client.call("kb.extract", { path: join(t.dir, "secret.txt") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    client.close();
    await core.close();
    await core.close(); // idempotent
  }, 60_000);

  it("rejects `ready` with the core's own error when it cannot open", async () => {
    const t = tempDir();
    done.push(t.cleanup);
    const notADir = join(t.dir, "file");
    writeFileSync(notADir, "x");
    const core = thread(join(notADir, "data"));
    await expect(core.ready).rejects.toThrow(/ENOTDIR|not a directory|无法/);
  }, 60_000);

  it("drops a connection attached before the core is ready", async () => {
    const t = tempDir();
    done.push(t.cleanup);
    const core = thread(join(t.dir, "data"));
    const [browserEnd, serverEnd] = createMemoryPair();
    const closed = new Promise<void>((r) => browserEnd.onClose(r));
    core.attach(serverEnd);
    await closed;
    await core.ready;
  }, 60_000);
});
