import type { AuditEntry } from "../../../../electron/common/contracts/security";

/** Detail keys the audit log writes (see the core's audit() calls), named for people. */
export const DETAIL_KEYS = [
  "method",
  "citations",
  "paths",
  "kind",
  "id",
  "format",
  "path",
  "documents",
  "packId",
  "embedModelMismatch",
  "policy",
  "file",
  "inPlace",
  "role",
  "length",
  "chars",
  "reason",
  "entries",
  "ok",
  "use",
  "exists",
  "sha256",
  "sources",
  "error",
  "files",
  "retentionDays",
  "question",
] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];

const KNOWN = new Set<string>(DETAIL_KEYS);

/** One detail as "label：value" parts; the caller translates the label key and yes/no. */
export function detailParts(detail: AuditEntry["detail"]): { key: string; known: boolean; value: string | boolean | number | null }[] {
  if (!detail) return [];
  return Object.entries(detail).map(([key, value]) => ({ key, known: KNOWN.has(key), value }));
}
