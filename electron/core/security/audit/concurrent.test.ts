import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { tempDir } from "../../testing/temp-dir";
import { createAuditLog } from "./audit-log";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A separate Node process appending `n` events to the same folder (as the app and a CLI run would). */
function writer(auditDir: string, name: string, n: number): Promise<number | null> {
  const code = `
    const { createAuditLog } = await import(${JSON.stringify(join(import.meta.dirname, "audit-log.ts"))});
    const log = createAuditLog(${JSON.stringify(auditDir)}, { onError: (m) => { console.error(m); process.exitCode = 1; } });
    for (let i = 0; i < ${n}; i++) log.record({ type: "search", object: ${JSON.stringify(name)} + i });
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "inherit", "inherit"] });
  return new Promise((resolve) => child.on("exit", resolve));
}

it("two processes writing at once keep one unbroken chain", async () => {
  const auditDir = join(dir, "audit");
  const codes = await Promise.all([writer(auditDir, "a", 60), writer(auditDir, "b", 60)]);
  expect(codes).toEqual([0, 0]);
  const r = createAuditLog(auditDir).verify();
  expect(r.issues).toEqual([]);
  expect(r).toMatchObject({ ok: true, entries: 120, lastSeq: 119 });
}, 60_000);
