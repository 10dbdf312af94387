import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../common/settings";
import { tempDir } from "../testing/temp-dir";
import { openStore } from "./open-store";
import { SettingsRepo } from "./settings-repo";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("SettingsRepo", () => {
  it("starts with defaults and persists a patch across reopening the database", () => {
    const s1 = openStore(dir);
    expect(new SettingsRepo(s1.db).get()).toEqual(DEFAULT_SETTINGS);
    expect(new SettingsRepo(s1.db).set({ language: "en", threads: 2 })).toMatchObject({ language: "en", threads: 2, theme: "light" });
    s1.close();
    const s2 = openStore(dir);
    expect(new SettingsRepo(s2.db).get()).toEqual({ ...DEFAULT_SETTINGS, language: "en", threads: 2 });
    s2.close();
  });

  it("ignores a stored value that no longer validates and keeps the others", () => {
    const store = openStore(dir);
    const repo = new SettingsRepo(store.db);
    repo.set({ theme: "dark" });
    store.db.prepare("UPDATE settings SET value = ? WHERE key = 'theme'").run(JSON.stringify("neon"));
    store.db.prepare("INSERT INTO settings VALUES ('retired', '1', 'x')").run();
    expect(repo.get()).toEqual(DEFAULT_SETTINGS);
    store.close();
  });
});
