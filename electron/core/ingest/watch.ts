import { realpath } from "node:fs/promises";
import { watch, type FSWatcher } from "chokidar";
import type { CoreServices } from "../services";
import { formatOf } from "./extract";
import { getDocument, listBases, removeDocument, requireBase } from "./kb-repo";
import { ingestPaths } from "./pipeline";
import { policyExtraction } from "./ocr/read-file";

interface Entry {
  folder: string;
  /** Where the folder really was when it was set; what is ingested must lie inside it. */
  real: string;
  watcher: FSWatcher;
  pending: Set<string>;
  timer?: NodeJS.Timeout;
  running: Promise<void>;
}

/**
 * Folder watching (optional, per base): new and changed supported files are
 * ingested after they settle, deleted ones removed from the base. Batches
 * are debounced and run one at a time per base.
 */
export class KbWatchers {
  private readonly watchers = new Map<string, Entry>();

  constructor(
    private readonly s: CoreServices,
    private readonly debounceMs = 800,
  ) {}

  /** Starts the watchers saved with the bases (the app and serve; not one-shot CLI commands). */
  resume(): void {
    for (const b of listBases(this.s.store.db)) if (b.watchPath) void this.start(b.name, b.watchPath, b.watchRealPath);
  }

  /** Saves the base's watched folder (null: none) and (re)starts its watcher; resolves once it is watching. */
  async set(name: string, folder: string | null): Promise<void> {
    const base = requireBase(this.s.store.db, name);
    const real = folder ? await realpath(folder) : null;
    this.s.store.db.prepare("UPDATE kb_bases SET watch_path = ?, watch_real_path = ? WHERE id = ?").run(folder, real, base.id);
    this.stop(base.name);
    if (folder) await this.start(base.name, folder, real);
  }

  private async start(name: string, folder: string, realFolder: string | null): Promise<void> {
    const real = realFolder ?? (await realpath(folder).catch(() => folder));
    const watcher = watch(folder, { ignoreInitial: true, followSymlinks: false, awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 }, ignored: (p) => /(^|[\\/])(\.|~\$)/.test(p) });
    const entry: Entry = { folder, real, watcher, pending: new Set<string>(), running: Promise.resolve() };
    const queue = (p: string): void => {
      if (!formatOf(p)) return;
      entry.pending.add(p);
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        const batch = [...entry.pending];
        entry.pending.clear();
        entry.running = entry.running.then(() => this.ingest(name, real, batch));
      }, this.debounceMs);
    };
    watcher.on("add", queue).on("change", queue).on("unlink", (p) => this.remove(name, p));
    watcher.on("error", (e) => this.s.log(`kb watch ${name}: ${String(e)}`));
    this.watchers.set(name, entry);
    await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  }

  private async ingest(name: string, folder: string, paths: string[]): Promise<void> {
    try {
      // What the watcher reports must really be inside the folder: a link in it to ~/.ssh is not followed.
      // IT's file limits hold here as for files added by hand.
      const r = await ingestPaths(this.s.store.db, name, paths, { embedder: await this.s.embedder(), within: folder, ...policyExtraction(this.s) });
      this.s.log(`kb watch ${name}: ${r.ok} indexed, ${r.failed.length} failed`);
    } catch (e) {
      this.s.log(`kb watch ${name}: ${String(e)}`);
    }
  }

  private remove(name: string, path: string): void {
    const base = requireBase(this.s.store.db, name);
    const doc = getDocument(this.s.store.db, base.id, path);
    if (doc) removeDocument(this.s.store.db, doc.id);
  }

  /** Waits for the batches in flight (tests). */
  async idle(name: string): Promise<void> {
    await this.watchers.get(name)?.running;
  }

  stop(name: string): void {
    const w = this.watchers.get(name);
    if (!w) return;
    clearTimeout(w.timer);
    void w.watcher.close();
    this.watchers.delete(name);
  }

  closeAll(): void {
    for (const n of [...this.watchers.keys()]) this.stop(n);
  }
}
