import type { Summary, SummaryListItem } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import type { Db } from "../../store/open-store";

interface Row {
  id: number;
  title: string;
  method: Summary["method"];
  length: Summary["length"];
  summary: string;
  thought: string;
  points: string;
  documents: string;
  stats: string;
  model: string | null;
  prompts: string;
  warnings: string;
  created_at: number;
}

export function saveSummary(db: Db, s: Omit<Summary, "id">): Summary {
  const r = db
    .prepare(
      `INSERT INTO assistant_summaries (title, method, length, summary, thought, points, documents, stats, model, prompts, warnings, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(s.title, s.method, s.length, s.summary, s.thought, JSON.stringify(s.points), JSON.stringify(s.documents), JSON.stringify(s.stats), s.model, s.prompts, JSON.stringify(s.warnings), s.createdAt);
  return { ...s, id: Number(r.lastInsertRowid) };
}

export function getSummary(db: Db, id: number): Summary {
  const r = db.prepare("SELECT * FROM assistant_summaries WHERE id = ?").get(id) as Row | undefined;
  if (!r) throw new RpcError("NOT_FOUND", `找不到编号为 ${id} 的摘要，可能已被删除。`);
  return {
    id: r.id,
    title: r.title,
    method: r.method,
    length: r.length,
    summary: r.summary,
    thought: r.thought,
    points: JSON.parse(r.points) as Summary["points"],
    documents: JSON.parse(r.documents) as Summary["documents"],
    stats: JSON.parse(r.stats) as Summary["stats"],
    model: r.model,
    prompts: r.prompts,
    warnings: JSON.parse(r.warnings) as string[],
    createdAt: r.created_at,
  };
}

export function listSummaries(db: Db): SummaryListItem[] {
  return db
    .prepare("SELECT id, title, method, length, model, created_at AS createdAt FROM assistant_summaries ORDER BY created_at DESC, id DESC LIMIT 200")
    .all() as SummaryListItem[];
}

export function deleteSummary(db: Db, id: number): boolean {
  return db.prepare("DELETE FROM assistant_summaries WHERE id = ?").run(id).changes > 0;
}
