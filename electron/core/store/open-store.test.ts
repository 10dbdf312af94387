import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../testing/temp-dir";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "./migrations";
import { DB_FILE, openStore } from "./open-store";
import { unpackedPath } from "./native-paths";
import { RpcError } from "../../common/rpc/wire";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("openStore", () => {
  it("creates the database with WAL, foreign keys, busy timeout and sqlite-vec", () => {
    const store = openStore(dir);
    try {
      expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(store.db.pragma("busy_timeout", { simple: true })).toBe(5000);
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(store.versions.sqliteVec).toMatch(/^v0\.1\./);
      // sqlite-vec really works: a vec0 table answers a KNN query.
      store.db.exec("CREATE VIRTUAL TABLE v USING vec0(embedding float[3])");
      store.db.prepare("INSERT INTO v(rowid, embedding) VALUES (?, ?)").run(1n, new Float32Array([1, 0, 0]));
      store.db.prepare("INSERT INTO v(rowid, embedding) VALUES (?, ?)").run(2n, new Float32Array([0, 1, 0]));
      const hit = store.db
        .prepare("SELECT rowid FROM v WHERE embedding MATCH ? ORDER BY distance LIMIT 1")
        .get(new Float32Array([0.1, 0.9, 0])) as { rowid: number };
      expect(hit.rowid).toBe(2);
      // FTS5 is compiled in (the knowledge base relies on it).
      store.db.exec("CREATE VIRTUAL TABLE f USING fts5(body)");
    } finally {
      store.close();
    }
  });

  it("records every applied migration and is idempotent on reopen", () => {
    openStore(dir).close();
    const store = openStore(dir);
    const rows = store.db.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
    // 1..N without gaps: migrate() skips a number at or below the current version, so a gap filled later would never run.
    expect(rows).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    store.close();
  });

  it("applies a failing migration not at all (transaction rolled back)", () => {
    const good: Migration = { version: 1, name: "a", sql: "CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT); CREATE TABLE a(x);" };
    const bad: Migration = { version: 2, name: "b", sql: "CREATE TABLE b(x); INSERT INTO nonexistent VALUES (1);" };
    let error: RpcError | undefined;
    try {
      openStore(dir, { migrations: [good, bad] });
    } catch (e) {
      error = e as RpcError;
    }
    expect(error).toBeInstanceOf(RpcError);
    expect(error!.message).toBe("升级数据库结构到第 2 步（b）时失败，这一步已撤销，数据未被修改。请联系管理员，并提供这条信息。");
    expect(error!.detail).toMatch(/nonexistent/);
    const db = new Database(join(dir, DB_FILE));
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it("refuses a database whose steps another build numbered differently, naming the step, and changes nothing", () => {
    // As a development build left it: its step 2 was "drafts", this build's step 2 is "models".
    const path = join(dir, DB_FILE);
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, ?, 'x'), (2, 'drafts', 'x')").run(MIGRATIONS[0]!.name);
    db.exec("CREATE TABLE drafting_drafts(x)");
    db.pragma("user_version = 2");
    db.pragma("journal_mode = WAL");
    db.close();
    const before = sha256(path);
    expect(() => openStore(dir)).toThrow(`数据结构第 2 步在库中是“drafts”，本程序是“${MIGRATIONS[1]!.name}”。为避免损坏，数据未被修改`);
    expect(sha256(path)).toBe(before);
    const after = new Database(path, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(2);
    after.close();
  });

  it("refuses a database from a newer version with a clear message and leaves the file untouched", () => {
    const path = join(dir, DB_FILE);
    const db = new Database(path);
    db.exec("CREATE TABLE future(x)");
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = { hash: sha256(path), mtime: statSync(path).mtimeMs };
    expect(() => openStore(dir)).toThrow(/更新版本的 GovDesk.*请安装最新版本/);
    expect({ hash: sha256(path), mtime: statSync(path).mtimeMs }).toEqual(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("reports a corrupt database file clearly", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, DB_FILE), "this is not a database".repeat(100));
    expect(() => openStore(dir)).toThrow(/无法读取数据库文件|not a database/);
  });
});

describe("unpackedPath", () => {
  it("points native files inside app.asar to app.asar.unpacked", () => {
    expect(unpackedPath("/opt/GovDesk/resources/app.asar/node_modules/sqlite-vec-linux-x64/vec0.so")).toBe(
      "/opt/GovDesk/resources/app.asar.unpacked/node_modules/sqlite-vec-linux-x64/vec0.so",
    );
    expect(unpackedPath("C:\\Program Files\\GovDesk\\resources\\app.asar\\node_modules\\x.node")).toBe(
      "C:\\Program Files\\GovDesk\\resources\\app.asar.unpacked\\node_modules\\x.node",
    );
    expect(unpackedPath("/home/u/govdesk/node_modules/x.node")).toBe("/home/u/govdesk/node_modules/x.node");
    expect(unpackedPath("/a/app.asar.unpacked/x.node")).toBe("/a/app.asar.unpacked/x.node");
  });
});

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}
