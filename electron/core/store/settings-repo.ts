import { Settings, type SettingsPatch } from "../../common/settings";
import type { Db } from "./open-store";

/**
 * Settings persisted as one JSON value per key. Unknown or invalid stored
 * values (from an older version, or hand-edited) fall back to the default
 * for that key instead of failing the whole read.
 */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare("SELECT key, value FROM settings").all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = JSON.parse(row.value);
    const merged: Record<string, unknown> = {};
    const shape = Settings.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    for (const [key, value] of Object.entries(stored)) {
      if (shape[key]?.safeParse(value).success) merged[key] = value;
    }
    return Settings.parse(merged);
  }

  /** Validated by the caller (the contract); writes all keys in one transaction. */
  set(patch: SettingsPatch): Settings {
    const next = Settings.parse({ ...this.get(), ...patch });
    const upsert = this.db.prepare(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value), now);
    })();
    return next;
  }
}
