import { DraftSpec, type Draft, type DraftCitation, type DraftListItem } from "../../../common/contracts/drafting";
import { RpcError } from "../../../common/rpc/wire";
import type { Db } from "../../store/open-store";
import { resolveTitle } from "../document";

interface DraftRow {
  id: number;
  title: string;
  kind: Draft["kind"];
  spec: string;
  citations: string;
  method: Draft["method"];
  model: string | null;
  created_at: number;
  updated_at: number;
}

function toDraft(r: DraftRow): Draft {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    spec: DraftSpec.parse(JSON.parse(r.spec)),
    citations: JSON.parse(r.citations) as DraftCitation[],
    method: r.method,
    model: r.model,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The title shown in the history: the document's own, else its 事由, else the kind. */
function listTitle(spec: DraftSpec): string {
  return resolveTitle(spec) || spec.subject?.trim() || `未命名${spec.kind}`;
}

function searchText(spec: DraftSpec): string {
  return [spec.title, spec.subject, spec.to, spec.points, spec.body, spec.number].filter(Boolean).join("\n");
}

const NOT_FOUND = (id: number) => new RpcError("NOT_FOUND", `找不到编号为 ${id} 的草稿，可能已被删除。`);

/** Drafts in SQLite, saved like conversations: history (newest first, searchable), reopen, delete. */
export class DraftsRepo {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  get(id: number): Draft {
    const r = this.db.prepare("SELECT * FROM drafting_drafts WHERE id = ?").get(id) as DraftRow | undefined;
    if (!r) throw NOT_FOUND(id);
    return toDraft(r);
  }

  list(query?: string): DraftListItem[] {
    const q = query?.trim();
    const cols = "id, title, kind, method, updated_at AS updatedAt";
    if (!q) return this.db.prepare(`SELECT ${cols} FROM drafting_drafts ORDER BY updated_at DESC, id DESC`).all() as DraftListItem[];
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare(`SELECT ${cols} FROM drafting_drafts WHERE title LIKE ? ESCAPE '\\' OR search_text LIKE ? ESCAPE '\\' ORDER BY updated_at DESC, id DESC`)
      .all(like, like) as DraftListItem[];
  }

  /** Creates (no id) or replaces a draft's fields; citations and method are kept unless given. */
  save(input: { id?: number | undefined; spec: DraftSpec; citations?: DraftCitation[] | undefined; method?: Draft["method"]; model?: string | null }): Draft {
    const t = this.now();
    const spec = JSON.stringify(input.spec);
    if (input.id === undefined) {
      const r = this.db
        .prepare("INSERT INTO drafting_drafts (title, kind, spec, search_text, citations, method, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(listTitle(input.spec), input.spec.kind, spec, searchText(input.spec), JSON.stringify(input.citations ?? []), input.method ?? "manual", input.model ?? null, t, t);
      return this.get(Number(r.lastInsertRowid));
    }
    const current = this.get(input.id);
    this.db
      .prepare("UPDATE drafting_drafts SET title = ?, kind = ?, spec = ?, search_text = ?, citations = ?, method = ?, model = ?, updated_at = ? WHERE id = ?")
      .run(
        listTitle(input.spec),
        input.spec.kind,
        spec,
        searchText(input.spec),
        JSON.stringify(input.citations ?? current.citations),
        input.method ?? current.method,
        input.model === undefined ? current.model : input.model,
        t,
        input.id,
      );
    return this.get(input.id);
  }

  delete(id: number): boolean {
    return this.db.prepare("DELETE FROM drafting_drafts WHERE id = ?").run(id).changes > 0;
  }
}
