import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { RpcError } from "../../common/rpc/wire";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "./migrations";
import { sqliteVecPath } from "./native-paths";
import { ensureDataDir } from "./data-dir";

export type Db = Database.Database;

export interface Store {
  readonly db: Db;
  readonly path: string;
  readonly schemaVersion: number;
  readonly versions: { sqlite: string; sqliteVec: string };
  close(): void;
}

export const DB_FILE = "govdesk.db";

export interface OpenStoreOptions {
  /** For tests of the migration runner; the product always uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the data directory's database: sqlite-vec
 * loaded, WAL, busy timeout, foreign keys, migrations applied. A database
 * written by a newer GovDesk is refused before anything writes to it.
 */
export function openStore(dataDir: string, options: OpenStoreOptions = {}): Store {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations === MIGRATIONS ? LATEST_SCHEMA_VERSION : Math.max(0, ...migrations.map((m) => m.version));
  ensureDataDir(dataDir);
  const path = join(dataDir, DB_FILE);
  if (existsSync(path)) refuseNewer(path, latest);

  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    db.loadExtension(sqliteVecPath());
    const schemaVersion = migrate(db, migrations);
    const versions = db.prepare("SELECT sqlite_version() AS sqlite, vec_version() AS sqliteVec").get() as Store["versions"];
    return { db, path, schemaVersion, versions, close: () => db.open && db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}

function refuseNewer(path: string, latest: number): void {
  let version: number;
  const ro = new Database(path, { readonly: true, fileMustExist: true });
  try {
    version = ro.pragma("user_version", { simple: true }) as number;
  } catch (e) {
    throw new RpcError("INTERNAL", `无法读取数据库文件 ${path}，文件可能已损坏。请联系管理员。`, String(e));
  } finally {
    ro.close();
  }
  if (version > latest) {
    throw new RpcError(
      "UNAVAILABLE",
      `数据库 ${path} 由更新版本的 GovDesk 创建（数据结构版本 ${version}，本程序支持到 ${latest}）。请安装最新版本的 GovDesk；文件未被修改。`,
      `schema version ${version} > supported ${latest}`,
    );
  }
}

/** Applies pending migrations, each in its own transaction. Returns the new version. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  refuseForeignHistory(db, sorted);
  let current = db.pragma("user_version", { simple: true }) as number;
  for (const m of sorted) {
    if (m.version <= current) continue;
    // IMMEDIATE takes the write lock first, and the version is read again under
    // it: two processes opening a new data dir at once (the app and a CLI
    // command) would otherwise both apply the same migration.
    const applied = db.transaction(() => {
      if ((db.pragma("user_version", { simple: true }) as number) >= m.version) return false;
      try {
        db.exec(m.sql);
      } catch (e) {
        throw new RpcError("INTERNAL", `升级数据库结构到第 ${m.version} 步（${m.name}）时失败，这一步已撤销，数据未被修改。请联系管理员，并提供这条信息。`, String(e));
      }
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
      return true;
    }).immediate();
    current = applied ? m.version : (db.pragma("user_version", { simple: true }) as number);
  }
  return current;
}

/**
 * Each step already applied must be the step this build knows by that
 * number. A database made by another build whose steps were numbered
 * differently (a development or test build) would otherwise fail midway
 * with SQLite's own words ("table … already exists"), or worse, skip a step.
 */
function refuseForeignHistory(db: Db, sorted: readonly Migration[]): void {
  const hasHistory = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasHistory) return;
  const rows = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all() as { version: number; name: string }[];
  const known = new Map(sorted.map((m) => [m.version, m.name]));
  for (const row of rows) {
    const name = known.get(row.version);
    if (name === undefined || name === row.name) continue;
    throw new RpcError(
      "UNAVAILABLE",
      `数据库 ${db.name} 由另一个不兼容的 GovDesk 版本（开发版或测试版）创建：数据结构第 ${row.version} 步在库中是“${row.name}”，本程序是“${name}”。为避免损坏，数据未被修改。请换一个数据目录（--data-dir 或 GOVDESK_DATA_DIR），或用创建它的版本导出所需内容。`,
      `schema step ${row.version} recorded as "${row.name}", expected "${name}"`,
    );
  }
}
