import { AuditEntry, type AuditEventType } from "../../../common/contracts/security";
import { listAuditFiles, readLines } from "./files";

/** Reading the log never writes to it (listing and verifying are not audited events). */

export function listAudit(dir: string, { offset = 0, limit = 100, type }: { offset?: number; limit?: number; type?: AuditEventType } = {}) {
  const all: AuditEntry[] = [];
  for (const f of listAuditFiles(dir)) {
    for (const line of readLines(f.path)) {
      const parsed = AuditEntry.safeParse(safeJson(line));
      if (parsed.success && (!type || parsed.data.type === type)) all.push(parsed.data);
    }
  }
  all.reverse();
  return { entries: all.slice(offset, offset + limit), total: all.length };
}

/** Every line of every file, oldest first, exactly as stored (so the export verifies on its own). */
export function exportAudit(dir: string): { content: string; entries: number } {
  const lines = listAuditFiles(dir).flatMap((f) => readLines(f.path));
  return { content: lines.length ? `${lines.join("\n")}\n` : "", entries: lines.length };
}

export function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
