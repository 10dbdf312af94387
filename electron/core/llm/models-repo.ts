import { GgufSummary, type ModelRecord } from "../../common/contracts/models";
import type { Db } from "../store/open-store";

interface Row {
  id: string;
  path: string;
  in_place: number;
  summary: string;
  catalog_id: string | null;
  imported_at: string;
}

/** The models table: one row per imported file, keyed by its sha256. */
export class ModelsRepo {
  constructor(private readonly db: Db) {}

  list(): ModelRecord[] {
    const rows = this.db.prepare("SELECT * FROM models ORDER BY imported_at").all() as Row[];
    return rows.flatMap((r) => this.toRecord(r) ?? []);
  }

  get(id: string): ModelRecord | null {
    const row = this.db.prepare("SELECT * FROM models WHERE id = ?").get(id) as Row | undefined;
    return row ? this.toRecord(row) : null;
  }

  byPath(path: string): ModelRecord | null {
    const row = this.db.prepare("SELECT * FROM models WHERE path = ?").get(path) as Row | undefined;
    return row ? this.toRecord(row) : null;
  }

  put(m: ModelRecord): void {
    const { id, path, inPlace, catalogId, importedAt, ...rest } = m;
    const summary = GgufSummary.parse({ ...rest, path });
    this.db
      .prepare(
        "INSERT INTO models (id, path, in_place, summary, catalog_id, imported_at) VALUES (?, ?, ?, ?, ?, ?) " +
          "ON CONFLICT(id) DO UPDATE SET path = excluded.path, in_place = excluded.in_place, summary = excluded.summary, catalog_id = excluded.catalog_id",
      )
      .run(id, path, inPlace ? 1 : 0, JSON.stringify(summary), catalogId, importedAt);
  }

  remove(id: string): boolean {
    return this.db.prepare("DELETE FROM models WHERE id = ?").run(id).changes > 0;
  }

  private toRecord(r: Row): ModelRecord | null {
    const summary = GgufSummary.safeParse(JSON.parse(r.summary));
    if (!summary.success) return null;
    return { ...summary.data, id: r.id, path: r.path, inPlace: r.in_place === 1, catalogId: r.catalog_id, importedAt: r.imported_at };
  }
}
