import { existsSync, readFileSync, readdirSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditEntry } from "../../../common/contracts/security";
import { tempDir } from "../../testing/temp-dir";
import { createAuditLog, type AuditOptions } from "./audit-log";
import { entryHash, entryLine, GENESIS } from "./canonical";
import { listAuditFiles, readLines } from "./files";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A log with a clock the test moves by hand. */
function log(options: AuditOptions = {}) {
  const clock = { t: new Date(2026, 0, 10, 9, 0, 0) };
  const audit = createAuditLog(join(dir, "audit"), { user: "zhangsan", now: () => clock.t, ...options });
  return { audit, clock };
}

function fill(n: number, options: AuditOptions = {}) {
  const { audit, clock } = log(options);
  for (let i = 0; i < n; i++) audit.record({ type: "search", object: `查询 ${i}` });
  return { audit, clock };
}

const only = () => listAuditFiles(join(dir, "audit"))[0]!;
const linesOf = (path: string) => readLines(path);
const writeLines = (path: string, lines: string[]) => writeFileSync(path, `${lines.join("\n")}\n`);

describe("audit log: writing", () => {
  it("writes one canonical JSON line per event, chained by sha256 from the genesis", () => {
    const { audit } = fill(3);
    const lines = linesOf(only().path);
    expect(lines).toHaveLength(3);
    const entries = lines.map((l) => AuditEntry.parse(JSON.parse(l)));
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(entries[0]!.prev).toBe(GENESIS);
    expect(entries[1]!.prev).toBe(entries[0]!.hash);
    expect(entries[2]!.prev).toBe(entries[1]!.hash);
    for (const [i, e] of entries.entries()) {
      expect(e.hash).toBe(entryHash(e));
      expect(entryLine(e)).toBe(lines[i]);
      expect(e.user).toBe("zhangsan");
      expect(e.type).toBe("search");
    }
    expect(audit.verify()).toMatchObject({ ok: true, entries: 3, files: 1, firstSeq: 0, lastSeq: 2, issues: [] });
  });

  it("writes the question text only when the policy says so", () => {
    const quiet = log().audit;
    quiet.record({ type: "ask", object: "kb:1", question: "张三的手机号是多少？" });
    expect(readFileSync(only().path, "utf8")).not.toContain("张三");
    cleanup();
    ({ dir, cleanup } = tempDir());
    const loud = log({ logQuestions: true }).audit;
    loud.record({ type: "ask", object: "kb:1", question: "张三的手机号是多少？", detail: { answers: 2 } });
    const e = AuditEntry.parse(JSON.parse(linesOf(only().path)[0]!));
    expect(e.detail).toEqual({ answers: 2, question: "张三的手机号是多少？" });
  });

  it("an empty or missing log verifies", () => {
    expect(log().audit.verify()).toMatchObject({ ok: true, entries: 0, files: 0, issues: [] });
  });

  it("never throws into the caller when the folder cannot be written", () => {
    const errors: string[] = [];
    writeFileSync(join(dir, "audit"), "a file where the folder should be");
    const { audit } = log({ onError: (m) => errors.push(m) });
    expect(() => audit.record({ type: "search", object: "x" })).not.toThrow();
    expect(errors[0]).toMatch(/could not record search/);
  });

  it("lists newest first, filters by type, and exports every line", () => {
    const { audit } = fill(5);
    audit.record({ type: "export", object: "报告.docx" });
    const page = audit.list({ limit: 2 });
    expect(page.total).toBe(6);
    expect(page.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(audit.list({ type: "export" }).entries.map((e) => e.object)).toEqual(["报告.docx"]);
    const out = audit.exportText();
    expect(out.entries).toBe(6);
    expect(out.content.trim().split("\n")).toEqual(linesOf(only().path));
  });
});

describe("audit log: rotation and retention", () => {
  it("starts a new file when the size limit is reached, linking it with a rotation marker", () => {
    const { audit } = fill(10, { maxFileBytes: 700 });
    const files = listAuditFiles(join(dir, "audit"));
    expect(files.length).toBeGreaterThan(2);
    for (let i = 1; i < files.length; i++) {
      const prevLast = AuditEntry.parse(JSON.parse(linesOf(files[i - 1]!.path).at(-1)!));
      const first = AuditEntry.parse(JSON.parse(linesOf(files[i]!.path)[0]!));
      expect(first.type).toBe("audit.rotate");
      expect(first.object).toBe(files[i - 1]!.name);
      expect(first.prev).toBe(prevLast.hash);
      expect(first.seq).toBe(prevLast.seq + 1);
    }
    expect(audit.verify()).toMatchObject({ ok: true, files: files.length });
  });

  it("starts a new file on a new day", () => {
    const { audit, clock } = fill(2);
    clock.t = new Date(2026, 0, 11, 8, 0, 0);
    audit.record({ type: "search", object: "next day" });
    const files = listAuditFiles(join(dir, "audit"));
    expect(files.map((f) => f.day)).toEqual(["20260110", "20260111"]);
    expect(JSON.parse(linesOf(files[1]!.path)[0]!)).toMatchObject({ type: "audit.rotate", detail: { reason: "date" } });
    expect(audit.verify().ok).toBe(true);
  });

  it("removes files older than the retention, records that, and the rest still verifies", () => {
    const { audit, clock } = fill(2, { retentionDays: 30 });
    clock.t = new Date(2026, 1, 20);
    audit.record({ type: "search", object: "february" });
    clock.t = new Date(2026, 2, 15);
    audit.record({ type: "search", object: "march" });
    const files = listAuditFiles(join(dir, "audit"));
    expect(files.map((f) => f.day)).toEqual(["20260220", "20260315"]);
    const pruned = audit.list({ type: "audit.prune" }).entries;
    expect(pruned).toEqual([expect.objectContaining({ object: expect.stringContaining("20260110"), detail: { files: 1, retentionDays: 30, keptFrom: 2 } })]);
    expect(audit.verify()).toMatchObject({ ok: true, firstSeq: 2 });
  });
});

describe("audit verify: names each kind of tampering", () => {
  it("a modified line (content edited, hash left)", () => {
    const { audit } = fill(5);
    const lines = linesOf(only().path);
    lines[2] = lines[2]!.replace("查询 2", "查询 X");
    writeLines(only().path, lines);
    const r = audit.verify();
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ kind: "modified", file: only().name, line: 3 })]);
    expect(r.issues[0]!.message).toMatch(/第 3 行被修改/);
  });

  it("a modified line whose hash was recomputed", () => {
    const { audit } = fill(5);
    const lines = linesOf(only().path);
    const e = AuditEntry.parse(JSON.parse(lines[1]!));
    const forged = { ...e, object: "别的内容" };
    lines[1] = entryLine({ ...forged, hash: entryHash(forged) });
    writeLines(only().path, lines);
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "modified", line: 2 })]);
  });

  it("a line that is no longer JSON", () => {
    const { audit } = fill(4);
    const lines = linesOf(only().path);
    lines[1] = "garbage";
    writeLines(only().path, lines);
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "modified", line: 2 })]);
  });

  it("the last line rewritten with a fresh hash (caught by head.json)", () => {
    const { audit } = fill(3);
    const lines = linesOf(only().path);
    const e = AuditEntry.parse(JSON.parse(lines[2]!));
    const forged = { ...e, user: "lisi" };
    lines[2] = entryLine({ ...forged, hash: entryHash(forged) });
    writeLines(only().path, lines);
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "modified", line: 3 })]);
  });

  it("a deleted line", () => {
    const { audit } = fill(5);
    const lines = linesOf(only().path);
    lines.splice(2, 1);
    writeLines(only().path, lines);
    const r = audit.verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: "deleted", line: 3 })]);
    expect(r.issues[0]!.message).toMatch(/之前有 1 条记录被删除（序号 2–2）/);
  });

  it("the first line deleted, and the last lines cut off", () => {
    const { audit } = fill(5);
    const lines = linesOf(only().path);
    writeLines(only().path, lines.slice(1, 3));
    const kinds = audit.verify().issues.map((i) => [i.kind, i.line]);
    expect(kinds).toEqual([
      ["deleted", 1],
      ["deleted", 2],
    ]);
  });

  it("an inserted copy of a line, and an inserted forged line", () => {
    const { audit } = fill(5);
    const lines = linesOf(only().path);
    const e = AuditEntry.parse(JSON.parse(lines[1]!));
    const forged = { ...e, object: "伪造", prev: e.prev };
    lines.splice(4, 0, lines[0]!);
    lines.splice(2, 0, entryLine({ ...forged, hash: entryHash(forged) }));
    writeLines(only().path, lines);
    const r = audit.verify();
    expect(r.issues.map((i) => [i.kind, i.line])).toEqual([
      ["inserted", 3],
      ["inserted", 6],
    ]);
  });

  it("a line appended by hand after the last write", () => {
    const { audit } = fill(3);
    const lines = linesOf(only().path);
    const e = AuditEntry.parse(JSON.parse(lines[2]!));
    const forged = { ...e, seq: 3, prev: e.hash, object: "追加" };
    lines.push(entryLine({ ...forged, hash: entryHash(forged) }));
    writeLines(only().path, lines);
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "inserted", line: 4 })]);
  });

  it("two lines swapped", () => {
    const { audit } = fill(5);
    const lines = linesOf(only().path);
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    writeLines(only().path, lines);
    const r = audit.verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: "reordered", line: 3 })]);
    expect(r.issues[0]!.message).toMatch(/顺序被调换/);
  });

  it("across rotation: a file removed from the middle, and a line edited in a later file", () => {
    const { audit } = fill(12, { maxFileBytes: 700 });
    const files = listAuditFiles(join(dir, "audit"));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const third = files[2]!;
    const lines = linesOf(third.path);
    lines[1] = lines[1]!.replace(/查询 \d+/, "改过");
    writeLines(third.path, lines);
    unlinkSync(files[1]!.path);
    const r = audit.verify();
    expect(r.issues.map((i) => [i.kind, i.file, i.line])).toEqual([
      ["deleted", third.name, 1],
      ["modified", third.name, 2],
    ]);
  });

  it("head.json deleted", () => {
    const { audit } = fill(2);
    unlinkSync(join(dir, "audit", "head.json"));
    expect(audit.verify().issues).toEqual([expect.objectContaining({ kind: "deleted", file: "head.json", line: 0 })]);
  });

  it("takes over a lock left behind by a crashed writer", () => {
    const { audit } = fill(1);
    const lock = join(dir, "audit", "audit.lock");
    writeFileSync(lock, "");
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    audit.record({ type: "search", object: "after crash" });
    expect(audit.verify()).toMatchObject({ ok: true, entries: 2 });
    expect(existsSync(lock)).toBe(false);
  });

  it("keeps appending to one chain after another writer (a second log object) wrote", () => {
    const a = log().audit;
    a.record({ type: "search", object: "a" });
    const b = log().audit;
    b.record({ type: "ask", object: "b" });
    a.record({ type: "search", object: "c" });
    expect(a.verify()).toMatchObject({ ok: true, entries: 3 });
    expect(readdirSync(join(dir, "audit")).sort()).toEqual(["audit-0000000000-20260110.jsonl", "head.json"]);
  });
});
