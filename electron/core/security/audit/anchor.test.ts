import { readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../../common/contract";
import { AuditEntry } from "../../../common/contracts/security";
import { createCore } from "../../core";
import { connectInProcess } from "../../rpc/in-process";
import { tempDir } from "../../testing/temp-dir";
import type { AnchorState, AuditAnchor } from "./anchor";
import { createAuditLog, type AuditOptions } from "./audit-log";
import { entryHash, entryLine } from "./canonical";
import { listAuditFiles, readLines } from "./files";
import { HEAD_FILE } from "./head";

/**
 * Deletion and truncation of the audit log at either end (issue 14,
 * finding 4), as an attacker with write access to the audit folder would
 * do it: delete the oldest file after a rotation, delete the whole folder,
 * cut lines from the start or the end (and fix up head.json). Each is
 * detected; a retention prune under the policy is not reported.
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** The database's anchor row, here as a variable (the real one: the core test below). */
function memoryAnchor(): AuditAnchor & { state: AnchorState | null } {
  const a = { state: null as AnchorState | null, read: () => a.state, write: (s: AnchorState) => void (a.state = s) };
  return a;
}

function log(anchor: AuditAnchor | undefined, options: AuditOptions = {}) {
  const clock = { t: new Date(2026, 0, 10, 9, 0, 0) };
  const audit = createAuditLog(join(dir, "audit"), { user: "zhangsan", now: () => clock.t, ...(anchor ? { anchor } : {}), ...options });
  return { audit, clock };
}

function fill(anchor: AuditAnchor | undefined, n: number, options: AuditOptions = { maxFileBytes: 700 }) {
  const l = log(anchor, options);
  for (let i = 0; i < n; i++) l.audit.record({ type: "search", object: `查询 ${i}` });
  return l;
}

const files = () => listAuditFiles(join(dir, "audit"));
const kinds = (r: { issues: { kind: string }[] }) => r.issues.map((i) => i.kind);

describe("the oldest file deleted after a rotation", () => {
  it("is reported without the database anchor (no retention record) and with it", () => {
    for (const anchor of [undefined, memoryAnchor()]) {
      cleanup();
      ({ dir, cleanup } = tempDir());
      const { audit } = fill(anchor, 12);
      expect(audit.verify().ok).toBe(true);
      unlinkSync(files()[0]!.path);
      const r = audit.verify();
      expect(r.ok).toBe(false);
      expect(r.issues[0]).toMatchObject({ kind: "deleted", file: files()[0]!.name, line: 1 });
      expect(r.issues[0]!.message).toMatch(anchor ? /日志开头被截掉或最早的文件被删除，且不是按保留期限删除的/ : /没有按保留期限删除它们的记录/);
    }
  });

  it("a retention prune under the policy verifies; one more file deleted after it does not", () => {
    const anchor = memoryAnchor();
    const { audit, clock } = fill(anchor, 12, { maxFileBytes: 700, retentionDays: 30 });
    clock.t = new Date(2026, 1, 20);
    audit.record({ type: "search", object: "february" }); // a new day: rotation, then the January files go
    expect(files().map((f) => f.day)).toEqual(["20260220"]);
    const prune = audit.list({ type: "audit.prune" }).entries[0]!;
    expect(prune.detail).toMatchObject({ retentionDays: 30, keptFrom: anchor.state!.floorSeq });
    expect(audit.verify()).toMatchObject({ ok: true, issues: [] });
    clock.t = new Date(2026, 1, 21);
    audit.record({ type: "search", object: "next day" });
    expect(audit.verify().ok).toBe(true);
    unlinkSync(files()[0]!.path);
    expect(kinds(audit.verify())).toEqual(["deleted"]);
  });

  it("a prune record for files not past the retention is reported, even with its hashes recomputed", () => {
    const { audit } = fill(undefined, 12);
    const [first, second] = files();
    const firstSeqKept = AuditEntry.parse(JSON.parse(readLines(second!.path)[0]!)).seq;
    unlinkSync(first!.path);
    // Forge a prune record at the end of the last file, chained and hashed properly.
    const last = files().at(-1)!;
    const lines = readLines(last.path);
    const prev = AuditEntry.parse(JSON.parse(lines.at(-1)!));
    const body = { ...prev, seq: prev.seq + 1, prev: prev.hash, type: "audit.prune" as const, object: first!.name, detail: { files: 1, retentionDays: 365, keptFrom: firstSeqKept } };
    lines.push(entryLine({ ...body, hash: entryHash(body) }));
    writeFileSync(last.path, `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "audit", HEAD_FILE), JSON.stringify({ seq: body.seq, hash: entryHash(body), file: last.name }));
    const r = audit.verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: "deleted", message: expect.stringMatching(/不符合保留期限.*尚未超过 365 天/) })]);
  });
});

describe("the whole audit folder deleted", () => {
  it("is reported, and stays reported after the app writes again", () => {
    const anchor = memoryAnchor();
    const { audit } = fill(anchor, 5, {});
    rmSync(join(dir, "audit"), { recursive: true });
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "deleted", message: expect.stringMatching(/整个审计日志（序号 0–4）被删除/) })]);
    audit.record({ type: "policy.load", object: "policy.json" }); // the next start
    const r = audit.verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: "deleted", message: expect.stringMatching(/之前有 5 条记录被删除（序号 0–4）/) })]);
    expect(r.firstSeq).toBe(5);
  });
});

describe("truncation at both ends", () => {
  it("lines cut from the start of the first file", () => {
    const anchor = memoryAnchor();
    const { audit } = fill(anchor, 6, {});
    const path = files()[0]!.path;
    writeFileSync(path, `${readLines(path).slice(2).join("\n")}\n`);
    const r = audit.verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: "deleted", line: 1, message: expect.stringMatching(/之前有 2 条记录被删除（序号 0–1）/) })]);
  });

  it("lines cut from the end, head.json rewritten to match: the database anchor still knows the end", () => {
    const anchor = memoryAnchor();
    const { audit } = fill(anchor, 6, {});
    const f = files()[0]!;
    const kept = readLines(f.path).slice(0, 4);
    writeFileSync(f.path, `${kept.join("\n")}\n`);
    const last = AuditEntry.parse(JSON.parse(kept.at(-1)!));
    writeFileSync(join(dir, "audit", HEAD_FILE), JSON.stringify({ seq: last.seq, hash: last.hash, file: f.name }));
    const r = audit.verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: "deleted", line: 4, message: expect.stringMatching(/之后有 2 条记录被删除.*数据库中登记的最后一条是序号 5/) })]);
  });

  it("a line appended by hand with a correct hash and link, head.json updated: not registered in the database", () => {
    const anchor = memoryAnchor();
    const { audit } = fill(anchor, 3, {});
    const f = files()[0]!;
    const lines = readLines(f.path);
    const prev = AuditEntry.parse(JSON.parse(lines.at(-1)!));
    const body = { ...prev, seq: 3, prev: prev.hash, object: "伪造" };
    lines.push(entryLine({ ...body, hash: entryHash(body) }));
    writeFileSync(f.path, `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "audit", HEAD_FILE), JSON.stringify({ seq: 3, hash: entryHash(body), file: f.name }));
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "inserted", line: 4, message: expect.stringMatching(/数据库登记的最后一条（序号 2）之后/) })]);
  });
});

describe("through the core: the anchor lives in the database", () => {
  it("audit.verify reports the whole folder deleted, from the anchor row", async () => {
    process.env["GOVDESK_POLICY"] = join(dir, "none.json");
    writeFileSync(join(dir, "none.json"), "{}");
    try {
      const core = createCore({ dataDir: join(dir, "data"), host: "serve" }); // an app start records policy.load
      const client = connectInProcess(contract, core.router);
      await client.call("redact.preview", { text: "x" });
      expect((await client.call("audit.verify", {})).ok).toBe(true);
      expect(readdirSync(join(dir, "data", "audit")).length).toBeGreaterThan(0);
      rmSync(join(dir, "data", "audit"), { recursive: true });
      const r = await client.call("audit.verify", {});
      expect(r.ok).toBe(false);
      expect(r.issues[0]!.message).toMatch(/整个审计日志（序号 0–0）被删除/);
      client.close();
      await core.close();
    } finally {
      delete process.env["GOVDESK_POLICY"];
    }
  });
});
